package org.castkeeper.media;

import java.util.List;

/**
 * What {@link Mp3Probe} found in one MP3 file.
 *
 * @param durationMillis play time computed from the frames actually present (not from a header that may lie)
 * @param bitrateKbps    average bitrate over all frames
 * @param warnings       things the host should know that do not stop the import, e.g. a truncated file
 */
public record AudioFacts(
        long sizeBytes,
        long durationMillis,
        int bitrateKbps,
        boolean variableBitrate,
        int sampleRate,
        int channels,
        String mpegVersion,
        long frameCount,
        Id3Tags tags,
        List<String> warnings) {

    public AudioFacts {
        warnings = List.copyOf(warnings);
    }

    /** Whole seconds, rounded to nearest, as podcast directories want them. */
    public int durationSeconds() {
        return (int) ((durationMillis + 500) / 1000);
    }

    public String mimeType() {
        return "audio/mpeg";
    }
}
