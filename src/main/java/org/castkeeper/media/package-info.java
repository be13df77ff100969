/**
 * Media files. Reading audio: what an MP3 or M4A holds (duration, bitrate, tags, cover art, chapters) and whether
 * it is one at all ({@link org.castkeeper.media.AudioProbe}). Keeping it: {@link org.castkeeper.media.MediaStore}
 * and its folder implementation (the bucket one is in {@code storage}), the files episodes stopped using
 * ({@link org.castkeeper.media.RetiredMedia}), and the show artwork shared through a bucket
 * ({@link org.castkeeper.media.ShowArtworkMirror}).
 * Serving it: {@link org.castkeeper.media.MediaController}, which reads what is public from the catalogue's
 * published snapshot.
 */
package org.castkeeper.media;
