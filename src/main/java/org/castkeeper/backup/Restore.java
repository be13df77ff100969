package org.castkeeper.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.castkeeper.config.AppConfig;
import org.castkeeper.config.ConfigException;
import org.castkeeper.config.ConfigLoader;
import org.castkeeper.media.MediaFolder;
import org.castkeeper.media.MediaStore;

/**
 * Puts a snapshot back into an instance that is not running. Nothing is touched until every file of the
 * snapshot has been checked against its hash and the media store the snapshot's config names has answered; the
 * current data folder, config and artwork are moved aside, never deleted. The media go back through the
 * {@link MediaStore}: into a fresh data/media, or into the bucket, where a file already there whole is left as it
 * is and one with other content under the same name is retired (kept aside), not overwritten.
 */
public final class Restore {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** Why a restore did not happen, in words for the host. Nothing was changed. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * What was restored, and where the previous data now is.
     *
     * @param recovered damaged files of the snapshot found whole in the --also-from folder
     * @param damaged   files that could not be restored, each with the episodes that use it
     */
    public record Restored(
            String snapshot,
            int mediaFiles,
            long mediaBytes,
            boolean database,
            Path previousData,
            List<String> recovered,
            List<String> damaged) {}

    private Restore() {}

    /** Opens the bucket a configuration names, checked (the command line's way: {@code Castkeeper.openMedia}). */
    public interface BucketOpener {
        MediaStore open(AppConfig config) throws IOException;
    }

    public static Restored run(AppConfig config, Path dest, String snapshotName, Clock clock, BucketOpener buckets)
            throws IOException, Refused {
        return run(config, dest, snapshotName, null, clock, buckets);
    }

    /**
     * Puts a snapshot back. A damaged or missing media file costs only itself: everything else is restored, and
     * the file is taken from {@code alsoFrom} when it is there whole (another backup destination, whose pool has
     * it under its hash, or a media folder, such as the live store, that has it under its path).
     */
    public static Restored run(
            AppConfig config, Path dest, String snapshotName, Path alsoFrom, Clock clock, BucketOpener buckets)
            throws IOException, Refused {
        Backups backups = new Backups(dest);
        List<String> snapshots = backups.snapshots();
        if (snapshots.isEmpty()) {
            throw new Refused("There is no snapshot in " + dest.toAbsolutePath() + ".");
        }
        String name = snapshotName != null ? snapshotName : snapshots.get(snapshots.size() - 1);
        if (!snapshots.contains(name)) {
            throw new Refused("There is no snapshot " + name + " in " + dest.toAbsolutePath() + ". There are: "
                    + String.join(", ", snapshots) + ".");
        }
        Path dataDir = config.dataDir();
        try (ServerLock lock = ServerLock.tryAcquire(dataDir)) {
            if (lock == null) {
                throw new Refused("Castkeeper is running on " + dataDir + ". Stop it first, then restore.");
            }
            Path snapshot = backups.snapshot(name);
            Manifest manifest;
            try {
                manifest = Manifest.read(snapshot.resolve(Manifest.FILE));
            } catch (IOException e) {
                throw new Refused("Snapshot " + name + " cannot be read (its manifest: " + e.getMessage()
                        + "), so nothing was restored. Choose another with --snapshot.");
            }
            if (manifest.database() != null) {
                String check = Backups.integrityCheck(snapshot.resolve(manifest.database()));
                if (!check.equals("ok")) {
                    throw new Refused("The catalogue in snapshot " + name + " is damaged (" + check + "), so"
                            + " nothing was restored. Choose another with --snapshot.");
                }
            }
            // Every media file checked before anything is touched: where each will come from, if anywhere.
            Map<String, Path> sources = new HashMap<>();
            List<String> recovered = new ArrayList<>();
            for (Manifest.Entry e : manifest.media()) {
                if (backups.poolProblem(e.sha256(), e.size()).isEmpty()) {
                    sources.put(e.path(), backups.pool().resolve(e.sha256()));
                    continue;
                }
                Path elsewhere = alsoFrom == null ? null : wholeCopy(alsoFrom, e);
                if (elsewhere != null) {
                    sources.put(e.path(), elsewhere);
                    recovered.add(e.path() + " (from " + elsewhere + ")");
                }
            }
            // The snapshot's config decides where the media go back to; a bucket it names must answer before
            // anything is touched.
            AppConfig restored = restoredConfig(config, snapshot.resolve(Backups.CONFIG), name);
            MediaStore bucket = null;
            if (restored.storage().inBucket()) {
                try {
                    bucket = buckets.open(restored);
                } catch (IOException e) {
                    throw new Refused(e.getMessage() + " Nothing was restored.");
                }
            }
            try (MediaStore closing = bucket) {
                return restore(config, restored, bucket, backups, name, manifest, sources, recovered, clock);
            }
        }
    }

    private static Restored restore(
            AppConfig config,
            AppConfig restored,
            MediaStore bucket,
            Backups backups,
            String name,
            Manifest manifest,
            Map<String, Path> sources,
            List<String> recovered,
            Clock clock)
            throws IOException {
        Path dataDir = config.dataDir();
        Path snapshot = backups.snapshot(name);
        String stamp = STAMP.format(clock.instant());

        // Aside, not deleted: everything in the data folder but the lock we hold, then the config and artwork.
        Path aside = dataDir.resolveSibling(dataDir.getFileName() + ".before-restore-" + stamp);
        Files.createDirectories(aside);
        try (var entries = Files.list(dataDir)) {
            for (Path p : entries.filter(p -> !p.getFileName().toString().equals(ServerLock.FILE))
                    .toList()) {
                Files.move(p, aside.resolve(p.getFileName()));
            }
        }
        moveAside(config.source(), stamp);
        Files.copy(snapshot.resolve(Backups.CONFIG), config.source());

        if (manifest.database() != null) {
            // A fresh folder: no -wal or -shm file of the old database can be left beside the restored one.
            Files.copy(snapshot.resolve(manifest.database()), dataDir.resolve(Backups.DATABASE));
        }
        if (manifest.showArtwork() != null) {
            // Where the restored catalogue's settings name it (an upload lives in the data folder).
            Path artwork = artworkFile(config);
            moveAside(artwork, stamp);
            Files.createDirectories(artwork.toAbsolutePath().resolveSibling("."));
            Files.copy(snapshot.resolve("show-artwork-" + manifest.showArtwork()), artwork);
        }
        MediaStore store = bucket != null ? bucket : new MediaFolder(restored.mediaDir());
        long bytes = 0;
        int files = 0;
        List<Manifest.Entry> lost = new ArrayList<>();
        for (Manifest.Entry e : manifest.media()) {
            if (!store.accepts(e.path())) {
                continue;
            }
            var there = store.stat(e.path());
            // Names derive from content: the same name at the same size is this file (the store's contract), so
            // a bucket that kept it needs nothing, even where the backup's copy was damaged.
            if (there.isPresent() && there.get().size() == e.size()) {
                files++;
                bytes += e.size();
                continue;
            }
            Path source = sources.get(e.path());
            if (source == null) {
                lost.add(e);
                continue;
            }
            if (there.isPresent()) {
                store.retire(e.path());
            }
            String stored = store.storeCopy(source, e.path());
            if (!stored.equals(e.path())) {
                store.delete(stored);
                throw new IOException("The media store would not take " + e.path() + " under its own name.");
            }
            files++;
            bytes += e.size();
        }
        if (store instanceof MediaFolder folder) {
            // The store is complete as restored: nothing to adopt from the drop folder.
            Files.writeString(folder.root().resolve(".migrated-from-drop-folder"), "Restored from " + name + ".\n");
        }
        if (manifest.database() != null) {
            String check = Backups.integrityCheck(dataDir.resolve(Backups.DATABASE));
            if (!check.equals("ok")) {
                throw new IOException("The restored database fails its integrity check: " + check
                        + ". The previous data is in " + aside);
            }
        }
        List<String> damaged = new ArrayList<>();
        for (Manifest.Entry e : lost) {
            damaged.add(e.path() + ": " + backups.poolProblem(e.sha256(), e.size())
                    + usedBy(manifest.database() == null ? null : dataDir.resolve(Backups.DATABASE), e.path()));
        }
        return new Restored(name, files, bytes, manifest.database() != null, aside, recovered, damaged);
    }

    /**
     * The snapshot's feed-config.yml as it will read once in place (relative paths and environment variables
     * resolve as for the live one): read from a hidden copy beside the live file, removed again.
     */
    private static AppConfig restoredConfig(AppConfig config, Path snapshotConfig, String name) throws Refused {
        Path beside = config.source()
                .toAbsolutePath()
                .resolveSibling(".restoring-" + config.source().getFileName());
        try {
            Files.copy(snapshotConfig, beside, StandardCopyOption.REPLACE_EXISTING);
            return ConfigLoader.loadBeforeRestore(beside);
        } catch (IOException | ConfigException e) {
            throw new Refused("The feed-config.yml in snapshot " + name + " cannot be read (" + e.getMessage()
                    + "), so nothing was restored.");
        } finally {
            try {
                Files.deleteIfExists(beside);
            } catch (IOException ignored) {
                // A hidden leftover; the next restore replaces it.
            }
        }
    }

    /** The file {@code e} names, whole (size and hash), in another backup's pool or a media folder; or null. */
    private static Path wholeCopy(Path alsoFrom, Manifest.Entry e) throws IOException {
        for (Path candidate : List.of(
                alsoFrom.resolve(Backups.POOL).resolve(e.sha256()),
                alsoFrom.resolve(e.path()),
                alsoFrom.resolve("media").resolve(e.path()))) {
            if (candidate.normalize().startsWith(alsoFrom.normalize())
                    && Files.isRegularFile(candidate)
                    && Files.size(candidate) == e.size()
                    && org.castkeeper.media.ContentHash.sha256(candidate).equals(e.sha256())) {
                return candidate;
            }
        }
        return null;
    }

    /** ", used by episode 5 "Sleep"" for the host, from the restored catalogue; empty when it cannot tell. */
    private static String usedBy(Path database, String path) {
        if (database == null) {
            return "";
        }
        List<String> episodes = new ArrayList<>();
        String[] queries = {
            "SELECT id, title FROM episode WHERE audio_path = ? OR artwork_path = ?",
            "SELECT e.id, e.title FROM episode_transcript t JOIN episode e ON e.id = t.episode_id WHERE t.path = ?"
                    + " OR t.path = ?"
        };
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + database)) {
            for (String query : queries) {
                try (java.sql.PreparedStatement s = c.prepareStatement(query)) {
                    s.setString(1, path);
                    s.setString(2, path);
                    try (java.sql.ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            episodes.add("episode " + r.getInt(1) + " \"" + r.getString(2) + "\"");
                        }
                    }
                } catch (java.sql.SQLException olderSchema) {
                    // A catalogue from before transcripts had their own table: its audio and artwork are enough.
                }
            }
        } catch (java.sql.SQLException e) {
            return "";
        }
        return episodes.isEmpty() ? "" : ", used by " + String.join(", ", episodes);
    }

    private static void moveAside(Path file, String stamp) throws IOException {
        if (Files.exists(file)) {
            Files.move(file, file.resolveSibling(file.getFileName() + ".before-restore-" + stamp));
        }
    }

    /** The show artwork the restored catalogue names (the live PostgreSQL's, when that is the database). */
    private static Path artworkFile(AppConfig config) throws IOException {
        try {
            return ShowArtworkFile.of(
                    config,
                    config.databaseUrl(),
                    config.database().user(),
                    config.database().password());
        } catch (java.sql.SQLException e) {
            throw new IOException("The restored catalogue cannot be read: " + e.getMessage(), e);
        }
    }
}
