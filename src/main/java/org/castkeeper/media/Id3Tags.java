package org.castkeeper.media;

import java.util.List;
import java.util.Optional;

/**
 * The ID3 metadata of a file, ID3v2 merged over ID3v1 (a v2 value wins wherever it is present).
 * Text is kept exactly as tagged, including characters XML forbids; the feed cleans it on the way out.
 *
 * @param date  the recording date as tagged: "2025", "2025-03-14" or "2025-03-14T09:30"
 */
public record Id3Tags(
        String id3Version,
        String title,
        String artist,
        String album,
        String comment,
        String date,
        String genre,
        EmbeddedImage cover,
        List<ChapterMark> chapters) {

    public static final Id3Tags NONE = new Id3Tags(null, null, null, null, null, null, null, null, List.of());

    public Id3Tags {
        chapters = List.copyOf(chapters);
    }

    public Optional<EmbeddedImage> coverArt() {
        return Optional.ofNullable(cover);
    }

    /** A picture from an APIC frame; the MIME type is taken from the bytes, not from the tag's claim. */
    public record EmbeddedImage(String mimeType, byte[] bytes) {
        public String extension() {
            return mimeType.equals("image/png") ? "png" : "jpg";
        }
    }

    /** One ID3v2 CHAP frame. endMillis is null when the tag gives none. */
    public record ChapterMark(long startMillis, Long endMillis, String title, String url) {}
}
