package org.castkeeper.media;

import java.util.List;

/**
 * What {@link AudioProbe} found in one MP3 or M4A file.
 *
 * @param durationMillis play time: for MP3 computed from the frames actually present (not from a header that may
 *                       lie), for M4A the audio track's own duration
 * @param bitrateKbps    average bitrate over all frames (M4A: over the whole file)
 * @param mpegVersion    "1", "2" or "2.5" for MP3; "AAC" for M4A
 * @param frameCount     MPEG frames in an MP3; 0 for M4A
 * @param tags           the ID3 tags of an MP3; empty for M4A
 * @param mimeType       audio/mpeg or audio/x-m4a (what Apple's own M4A episodes are served as)
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
        List<String> warnings,
        String mimeType) {

    public AudioFacts {
        warnings = List.copyOf(warnings);
    }

    /** Whole seconds, rounded to nearest, as podcast directories want them. */
    public int durationSeconds() {
        return (int) ((durationMillis + 500) / 1000);
    }
}
