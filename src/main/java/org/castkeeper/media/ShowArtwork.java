package org.castkeeper.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The show's artwork file and the name it is published under. The name carries a hash of the content because
 * Apple caches artwork by URL: new art must get a new URL, or nobody sees it.
 *
 * @param publicName e.g. "show-3f9a1c2b7d.jpg"
 */
public record ShowArtwork(Path file, String mimeType, String publicName) {

    public static ShowArtwork of(Path file) throws IOException {
        MessageDigest sha = ContentHash.digest();
        byte[] head;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            head = in.readNBytes(8);
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        boolean png = "png".equals(ArtworkRules.kind(head));
        String hash = HexFormat.of().formatHex(sha.digest()).substring(0, 10);
        return new ShowArtwork(file, png ? "image/png" : "image/jpeg", "show-" + hash + (png ? ".png" : ".jpg"));
    }
}
