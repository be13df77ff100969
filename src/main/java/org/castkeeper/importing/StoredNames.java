package org.castkeeper.importing;

import org.castkeeper.catalogue.Slugs;

/**
 * The names audio gets in the media store: the title's slug, the start of the content hash, and the extension of
 * the audio's real type. Never the name the host or an uploader chose, so no name can pick a type a static
 * server would serve as HTML or SVG, and the enclosure URL is plain ASCII that needs no encoding.
 */
final class StoredNames {
    /** 40 bits of the hash: two different recordings with the same title will not share a name. */
    private static final int HASH_CHARACTERS = 10;

    private StoredNames() {}

    static String audio(String title, String sha256, String mimeType) {
        return Slugs.of(title) + "-" + sha256.substring(0, HASH_CHARACTERS) + "." + extension(mimeType);
    }

    private static String extension(String mimeType) {
        return switch (mimeType) {
            case "audio/x-m4a", "audio/mp4" -> "m4a";
            default -> "mp3";
        };
    }
}
