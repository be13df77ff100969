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
 * checked with a single stat (for a small answer, at most once a second), since finding a file in the store checks
 * that the path stays inside it, links included (a dozen system calls), and a podcatcher probing {@code bytes=0-1}
 * should cost next to nothing. In a bucket: asked of the store once and remembered, since a stored name is never
 * rewritten (names derive from the content; a replaced or deleted file is retired, and the catalogue, asked first,
 * then no longer names it).
 */
final class LocalFiles {
    private static final int MAX_ENTRIES = 4096;

    /**
     * A stored file as last seen: its size and modification time in milliseconds; {@code file} is where it is on
     * this machine, or null for a file in a bucket, read through the store.
     */
    record Found(Path file, long size, long modifiedMillis) {}

    private final MediaStore store;
    /** Where a stored name's file is, and what its last stat said (null: not a regular file) and when. */
    private record Seen(Path path, Found found, long atNanos) {}

    /**
     * How long a stat is trusted for a small answer, as nginx's open_file_cache_valid (60 s there): under load the
     * same few files are probed thousands of times a second, and the stat was an eighth of a HEAD's cost.
     * Castkeeper never rewrites a stored file (names derive from the content) and the catalogue is asked first, so
     * only a file changed by hand on disk is seen late, by at most this long, and only by a HEAD or a short range.
     */
    static final long STILL_VALID_NANOS = 1_000_000_000L;

    private final Map<String, Seen> paths = new ConcurrentHashMap<>();
    private final Map<String, Found> remote = new ConcurrentHashMap<>();

    /** Nanoseconds for {@link #STILL_VALID_NANOS}: {@link System#nanoTime}, or a test's own. */
    private final java.util.function.LongSupplier nanoTime;

    LocalFiles(MediaStore store) {
        this(store, System::nanoTime);
    }

    LocalFiles(MediaStore store, java.util.function.LongSupplier nanoTime) {
        this.store = store;
        this.nanoTime = nanoTime;
    }

    /**
     * The file stored under {@code name} as it is now, or empty when this machine has none.
     *
     * @param secondOld whether what a stat said up to a second ago will do: for the small answers (HEAD, a probe, a
     *                  short range), not for a download, which must send exactly the bytes the file has, nor for
     *                  Castkeeper's own readiness check, which is there to notice a file gone from disk
     */
    Optional<Found> find(String name, boolean secondOld) throws IOException {
        if (!store.isLocal()) {
            return findRemote(name);
        }
        long now = nanoTime.getAsLong();
        Seen seen = paths.get(name);
        if (secondOld && seen != null && seen.found() != null && now - seen.atNanos() < STILL_VALID_NANOS) {
            return Optional.of(seen.found());
        }
        if (seen != null) {
            Optional<Found> found = stat(seen.path());
            if (found.isPresent()) {
                paths.put(name, new Seen(seen.path(), found.get(), now));
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
        Optional<Found> found = stat(file.get());
        paths.put(name, new Seen(file.get(), found.orElse(null), now));
        return found;
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
