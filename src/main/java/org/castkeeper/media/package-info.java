/**
 * Reading audio files: what an MP3 holds (duration, bitrate, ID3 tags, cover art, chapters) and whether it is an MP3
 * at all. {@link org.castkeeper.media.Mp3Probe} is the entry point; nothing here touches the catalogue.
 */
package org.castkeeper.media;
