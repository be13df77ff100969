package org.castkeeper.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a stored name's bytes are on this machine, with their size and time, found once and then checked with a
 * single stat per request. Finding a file in the store checks that the path stays inside it, links included (a
 * dozen system calls); a podcatcher probing {@code bytes=0-1} should cost one.
 */
final class LocalFiles {
    private static final int MAX_ENTRIES = 4096;

    /** A file on this machine as last seen: its size and modification time in milliseconds. */
    record Found(Path file, long size, long modifiedMillis) {}

    private final MediaStore store;
    private final Map<String, Path> paths = new ConcurrentHashMap<>();

    LocalFiles(MediaStore store) {
        this.store = store;
    }

    /** The file stored under {@code name} as it is now, or empty when this machine has none. */
    Optional<Found> find(String name) throws IOException {
        Path known = paths.get(name);
        if (known != null) {
            Optional<Found> found = stat(known);
            if (found.isPresent()) {
                return found;
            }
            paths.remove(name);
        }
        Optional<Path> file = store.localFile(name);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        if (paths.size() >= MAX_ENTRIES) {
            paths.clear(); // Rare (a name per media file); dropping them all keeps the bound simple.
        }
        paths.put(name, file.get());
        return stat(file.get());
    }

    /** {@code file} as it is now, or empty when it is not a regular file. */
    static Optional<Found> stat(Path file) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.isRegularFile()
                    ? Optional.of(new Found(file, a.size(), a.lastModifiedTime().toMillis()))
                    : Optional.empty();
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        }
    }
}
