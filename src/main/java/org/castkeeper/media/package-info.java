/**
 * Media files. Reading audio: what an MP3 holds (duration, bitrate, ID3 tags, cover art, chapters) and whether it
 * is an MP3 at all ({@link org.castkeeper.media.AudioProbe}). Keeping it: {@link org.castkeeper.media.MediaStore}
 * and its folder implementation, and the files episodes stopped using ({@link org.castkeeper.media.RetiredMedia}).
 * Serving it: {@link org.castkeeper.media.MediaController}, which reads what is public from the catalogue's
 * published snapshot.
 */
package org.castkeeper.media;
