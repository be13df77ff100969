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
 * Where a stored name's bytes are, with their size and time. On this machine (the folder): found once and then
 * checked with a single stat per request, since finding a file in the store checks that the path stays inside it,
 * links included (a dozen system calls), and a podcatcher probing {@code bytes=0-1} should cost one. In a bucket:
 * asked of the store once and remembered, since a stored name is never rewritten (names derive from the content;
 * a replaced or deleted file is retired, and the catalogue, asked first, then no longer names it).
 */
final class LocalFiles {
    private static final int MAX_ENTRIES = 4096;

    /**
     * A stored file as last seen: its size and modification time in milliseconds; {@code file} is where it is on
     * this machine, or null for a file in a bucket, read through the store.
     */
    record Found(Path file, long size, long modifiedMillis) {}

    private final MediaStore store;
    private final Map<String, Path> paths = new ConcurrentHashMap<>();
    private final Map<String, Found> remote = new ConcurrentHashMap<>();

    LocalFiles(MediaStore store) {
        this.store = store;
    }

    /** The file stored under {@code name} as it is now, or empty when this machine has none. */
    Optional<Found> find(String name) throws IOException {
        if (!store.isLocal()) {
            return findRemote(name);
        }
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

    private Optional<Found> findRemote(String name) throws IOException {
        Found known = remote.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<MediaStore.Stat> stat = store.stat(name);
        if (stat.isEmpty()) {
            return Optional.empty();
        }
        if (remote.size() >= MAX_ENTRIES) {
            remote.clear();
        }
        Found found = new Found(null, stat.get().size(), stat.get().modified().toEpochMilli());
        remote.put(name, found);
        return Optional.of(found);
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
