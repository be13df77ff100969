package org.castkeeper.catalogue;

/**
 * The episode's audio file and the facts read from it.
 *
 * @param path relative to the media store; never an absolute path, so the store can move (or become a bucket)
 */
public record EpisodeAudio(
        String path,
        long sizeBytes,
        String mimeType,
        String sha256,
        int durationSeconds,
        int bitrateKbps,
        boolean variableBitrate,
        int sampleRate,
        int channels) {}
