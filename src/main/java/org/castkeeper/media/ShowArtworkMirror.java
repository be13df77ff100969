package org.castkeeper.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares the show artwork between instances through a bucket. The artwork uploaded in the admin (or taken from
 * an old feed) is a file in data/show-artwork of the instance that received it; with media in a bucket, that
 * instance copies it into the bucket (under {@code show-artwork/}), and an instance that lacks the file fetches it
 * from there the first time it is asked for. Names derive from the content, so a copy is never stale. With media
 * in a local folder there is nothing to share and nothing is done.
 */
public final class ShowArtworkMirror {
    private static final Logger LOG = LoggerFactory.getLogger(ShowArtworkMirror.class);
    private static final String PREFIX = "show-artwork/";

    private final MediaStore store;
    private final Path folder;
    private final Set<String> shared = ConcurrentHashMap.newKeySet();

    /** @param folder where this instance keeps the show artwork it received (data/show-artwork) */
    public ShowArtworkMirror(MediaStore store, Path folder) {
        this.store = store;
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** {@code file}, shared into the bucket when this instance has it, fetched from there when it does not. */
    public Path ensure(Path file) {
        if (store.isLocal() || file == null) {
            return file;
        }
        Path absolute = file.toAbsolutePath().normalize();
        if (!folder.equals(absolute.getParent())) {
            return file; // artwork named in feed-config.yml, next to it on every instance
        }
        String name = PREFIX + absolute.getFileName();
        try {
            if (Files.isRegularFile(absolute)) {
                if (shared.add(name) && store.stat(name).isEmpty()) {
                    store.writeIfAbsent(Files.readAllBytes(absolute), name);
                }
                return file;
            }
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, ".incoming-", ".partial");
            try {
                try (InputStream in = store.read(name, 0, Long.MAX_VALUE)) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(partial, absolute, StandardCopyOption.ATOMIC_MOVE);
                LOG.info("Fetched the show artwork {} from the bucket", name);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (NoSuchFileException notShared) {
            LOG.warn("The show artwork {} is neither here nor in the bucket yet", absolute.getFileName());
        } catch (IOException e) {
            shared.remove(name);
            LOG.warn("Could not share the show artwork {} through the bucket: {}", name, e.toString());
        }
        return file;
    }
}
