package org.castkeeper.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The show artwork for whatever file the show's settings name now. Hashing the file for its public name is done
 * once per file version (path, size, modification time), not per request, so the feed and the site can ask for
 * it freely. If the file cannot be read, the last good artwork stays in service.
 */
public final class ShowArtworks {
    private static final Logger LOG = LoggerFactory.getLogger(ShowArtworks.class);

    private record Known(Path file, long size, long modified, ShowArtwork artwork) {}

    private volatile Known known;

    /**
     * Stores new show artwork in {@code folder} under a name of its own ("show-" and the start of its hash), and
     * returns the file. A new name for new art: Apple caches artwork by URL. Written whole or not at all.
     *
     * @param extension "jpg" or "png", as {@link ArtworkRules#kind} tells from the bytes
     */
    public static Path store(Path folder, byte[] bytes, String extension) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve("show-" + ContentHash.sha256(bytes).substring(0, 16) + "." + extension);
        if (!Files.exists(target)) {
            Path partial = Files.createTempFile(folder, ".incoming-", ".partial");
            try {
                Files.write(partial, bytes);
                Files.move(partial, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        return target;
    }

    /** The artwork of {@code file}, or the last good one when the file cannot be read (null if there is none). */
    public ShowArtwork of(Path file) {
        Known k = known;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            long size = attributes.size();
            long modified = attributes.lastModifiedTime().toMillis();
            if (k != null && k.file().equals(file) && k.size() == size && k.modified() == modified) {
                return k.artwork();
            }
            ShowArtwork artwork = ShowArtwork.of(file);
            known = new Known(file, size, modified, artwork);
            return artwork;
        } catch (IOException e) {
            LOG.warn(
                    "The show artwork {} cannot be read ({}); {}",
                    file,
                    e.toString(),
                    k == null ? "the feed has no artwork until it can" : "still serving " + k.file());
            return k == null ? null : k.artwork();
        }
    }
}
