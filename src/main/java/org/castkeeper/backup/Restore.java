package org.castkeeper.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import org.castkeeper.config.AppConfig;

/**
 * Puts a snapshot back into an instance that is not running. Nothing is touched until every file of the
 * snapshot has been checked against its hash; the current data folder, config and artwork are moved aside, never
 * deleted.
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

    /** What was restored, and where the previous data now is. */
    public record Restored(String snapshot, int mediaFiles, long mediaBytes, boolean database, Path previousData) {}

    private Restore() {}

    public static Restored run(AppConfig config, Path dest, String snapshotName, Clock clock)
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
            List<String> problems = backups.verify(name, new HashMap<>());
            if (!problems.isEmpty()) {
                throw new Refused("Snapshot " + name + " is damaged, so nothing was restored:\n  "
                        + String.join("\n  ", problems));
            }
            Path snapshot = backups.snapshot(name);
            Manifest manifest = Manifest.read(snapshot.resolve(Manifest.FILE));
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
                Files.createDirectories(artwork.getParent());
                Files.copy(snapshot.resolve("show-artwork-" + manifest.showArtwork()), artwork);
            }
            Path media = Files.createDirectories(config.mediaDir());
            for (Manifest.Entry e : manifest.media()) {
                Path target = media.resolve(e.path()).normalize();
                if (!target.startsWith(media)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.copy(backups.pool().resolve(e.sha256()), target, StandardCopyOption.REPLACE_EXISTING);
            }
            // The store is complete as restored: nothing to adopt from the drop folder.
            Files.writeString(media.resolve(".migrated-from-drop-folder"), "Restored from " + name + ".\n");
            if (manifest.database() != null) {
                String check = Backups.integrityCheck(dataDir.resolve(Backups.DATABASE));
                if (!check.equals("ok")) {
                    throw new IOException("The restored database fails its integrity check: " + check
                            + ". The previous data is in " + aside);
                }
            }
            return new Restored(
                    name, manifest.media().size(), manifest.totalBytes(), manifest.database() != null, aside);
        }
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
