package org.castkeeper.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.castkeeper.config.AppConfig;
import org.castkeeper.media.ContentHash;
import org.castkeeper.media.MediaStore;

/**
 * Snapshots of a Castkeeper instance in a backup folder:
 * <pre>
 *   DEST/snapshots/20261202T031500Z/  castkeeper.db, feed-config.yml, the show artwork, manifest.json
 *   DEST/media/&lt;sha256&gt;              every media file any kept snapshot references, once
 * </pre>
 * A snapshot is written under a hidden name and renamed when complete, so a backup cut short leaves nothing
 * that looks like a snapshot. The media are read through the {@link MediaStore}, the folder's or the bucket's
 * alike, and only files the pool does not hold yet are read at all. The database is copied with SQLite's VACUUM INTO: one consistent read that holds
 * every write committed before it began, safe while the server writes.
 */
public final class Backups {
    static final String SNAPSHOTS = "snapshots";
    static final String POOL = "media";
    static final String DATABASE = "castkeeper.db";
    static final String CONFIG = "feed-config.yml";
    private static final String INCOMPLETE = ".incomplete-";
    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path dest;

    public Backups(Path dest) {
        this.dest = dest.toAbsolutePath().normalize();
    }

    /** What a backup did. {@code problems} lists referenced files it could not back up (missing, changed). */
    public record Taken(
            String snapshot,
            int files,
            int newFiles,
            long bytes,
            long newBytes,
            boolean withDatabase,
            List<String> problems) {}

    /** Told of each media file as it is backed up: for a progress display. */
    public interface Progress {
        void file(int index, int total, String path);
    }

    /**
     * Takes a snapshot of the catalogue, the config, the show artwork and, when {@code media} is given, every
     * media file the catalogue references (new ones streamed into the pool).
     *
     * @param media the store to read the media from; null for a snapshot of the catalogue and config alone (the
     *              one before an upgrade of a bucket-backed instance: the bucket is not on this disk)
     */
    public Taken take(AppConfig config, MediaStore media, Clock clock, Progress progress) throws IOException {
        try (DestinationLock lock = DestinationLock.take(dest, LOCK_WAIT, clock)) {
            return takeLocked(config, media, clock, progress);
        }
    }

    /** How long a backup waits for another one writing to the same destination. */
    static final java.time.Duration LOCK_WAIT = java.time.Duration.ofMinutes(10);

    private Taken takeLocked(AppConfig config, MediaStore media, Clock clock, Progress progress) throws IOException {
        Path snapshots = Files.createDirectories(dest.resolve(SNAPSHOTS));
        Path pool = Files.createDirectories(dest.resolve(POOL));
        String name = NAME.format(clock.instant());
        for (int n = 2; Files.exists(snapshots.resolve(name)); n++) {
            name = NAME.format(clock.instant()) + "-" + n;
        }
        Path work = Files.createDirectories(snapshots.resolve(INCOMPLETE + name));
        try {
            boolean sqlite = config.databaseUrl().startsWith("jdbc:sqlite:");
            List<Referenced> referenced;
            Path artworkFile;
            if (sqlite) {
                Path db = work.resolve(DATABASE);
                try (Connection live = DriverManager.getConnection(config.databaseUrl());
                        Statement s = live.createStatement()) {
                    s.execute("PRAGMA busy_timeout = 10000");
                    s.execute("VACUUM INTO '" + db.toString().replace("'", "''") + "'");
                }
                referenced = referencedBy("jdbc:sqlite:" + db, null, null);
                artworkFile = ShowArtworkFile.of(config, "jdbc:sqlite:" + db, null, null);
            } else {
                // PostgreSQL: the database itself is backed up with pg_dump (see the README); the manifest is
                // taken from it as it is now, so that the media and the dump can be restored together.
                referenced = referencedBy(
                        config.databaseUrl(),
                        config.database().user(),
                        config.database().password());
                artworkFile = ShowArtworkFile.of(
                        config,
                        config.databaseUrl(),
                        config.database().user(),
                        config.database().password());
            }

            List<Manifest.Entry> entries = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            int newFiles = 0;
            long newBytes = 0;
            if (media == null) {
                referenced = List.of();
            }
            for (int i = 0; i < referenced.size(); i++) {
                Referenced r = referenced.get(i);
                progress.file(i + 1, referenced.size(), r.path());
                var stat = media.stat(r.path());
                if (stat.isEmpty()) {
                    problems.add(r.path() + ": missing from the media store");
                    continue;
                }
                Copied copied = intoPool(media, r.path(), stat.get().size(), pool, r.sha256());
                if (r.sha256() != null && !r.sha256().equals(copied.sha256())) {
                    problems.add(r.path() + ": its content has changed since it was catalogued");
                }
                entries.add(new Manifest.Entry(r.path(), copied.size(), copied.sha256()));
                if (copied.isNew()) {
                    newFiles++;
                    newBytes += copied.size();
                }
            }
            Files.copy(config.source(), work.resolve(CONFIG));
            String artwork = null;
            if (Files.isRegularFile(artworkFile)) {
                artwork = String.valueOf(artworkFile.getFileName());
                Files.copy(artworkFile, work.resolve("show-artwork-" + artwork));
            }
            Manifest manifest = new Manifest(
                    Manifest.VERSION, clock.instant().toString(), sqlite ? DATABASE : null, artwork, entries);
            manifest.write(work.resolve(Manifest.FILE));
            Files.move(work, snapshots.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            return new Taken(name, entries.size(), newFiles, manifest.totalBytes(), newBytes, sqlite, problems);
        } catch (IOException | SQLException | RuntimeException e) {
            deleteTree(work);
            if (org.castkeeper.errors.DiskFull.caused(e)) {
                throw new IOException(
                        "The disk of " + dest + " is full, so no snapshot was taken (nothing"
                                + " half-written is left). Free some space there, or back up to another folder.",
                        e);
            }
            throw e instanceof IOException io ? io : new IOException("The backup failed: " + e.getMessage(), e);
        }
    }

    /** A media file a snapshot's catalogue references; {@code sha256} is null where it does not keep one. */
    private record Referenced(String path, String sha256) {}

    private static List<Referenced> referencedBy(String jdbcUrl, String user, String password) throws SQLException {
        Map<String, Referenced> paths = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT audio_path, sha256, artwork_path FROM episode ORDER BY id")) {
            while (r.next()) {
                paths.put(r.getString(1), new Referenced(r.getString(1), r.getString(2)));
                String artwork = r.getString(3);
                if (artwork != null) {
                    paths.putIfAbsent(artwork, new Referenced(artwork, null));
                }
            }
        }
        // Transcripts have had their own table since V015; the snapshot before an upgrade may be older.
        try {
            transcripts(
                    jdbcUrl,
                    user,
                    password,
                    "SELECT path FROM episode_transcript ORDER BY episode_id, position",
                    paths);
        } catch (SQLException before015) {
            transcripts(jdbcUrl, user, password, "SELECT transcript_path FROM episode ORDER BY id", paths);
        }
        return new ArrayList<>(paths.values());
    }

    private static void transcripts(
            String jdbcUrl, String user, String password, String query, Map<String, Referenced> paths)
            throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(query)) {
            while (r.next()) {
                String path = r.getString(1);
                if (path != null) {
                    paths.putIfAbsent(path, new Referenced(path, null));
                }
            }
        }
    }

    private record Copied(String sha256, long size, boolean isNew) {}

    /**
     * Into the pool under its hash, unless the pool has it already (then the store is not read at all). Hashed
     * as it is copied: read once, streamed.
     */
    private static Copied intoPool(MediaStore media, String name, long size, Path pool, String expected)
            throws IOException {
        if (expected != null
                && Files.isRegularFile(pool.resolve(expected))
                && Files.size(pool.resolve(expected)) == size) {
            return new Copied(expected, size, false);
        }
        Path partial = Files.createTempFile(pool, ".incoming-", ".part");
        try {
            MessageDigest digest = ContentHash.digest();
            try (InputStream in = media.read(name, 0, size);
                    OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), digest)) {
                in.transferTo(out);
            }
            // What was read is what the pool holds: a file that changed meanwhile shows as a changed hash.
            long read = Files.size(partial);
            String sha = HexFormat.of().formatHex(digest.digest());
            Path target = pool.resolve(sha);
            if (Files.exists(target)) {
                return new Copied(sha, read, false);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return new Copied(sha, read, true);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The complete snapshots, oldest first. */
    public List<String> snapshots() throws IOException {
        Path snapshots = dest.resolve(SNAPSHOTS);
        if (!Files.isDirectory(snapshots)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(snapshots)) {
            return list.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    Path snapshot(String name) {
        return dest.resolve(SNAPSHOTS).resolve(name);
    }

    Path pool() {
        return dest.resolve(POOL);
    }

    /** What pruning removed. */
    public record Pruned(List<String> snapshots, int poolFiles, long poolBytes) {}

    /** Keeps the newest {@code keep} snapshots and the pool files they reference; removes everything else. */
    public Pruned keep(int keep) throws IOException {
        try (DestinationLock lock = DestinationLock.take(dest, LOCK_WAIT, Clock.systemUTC())) {
            return keepLocked(keep);
        }
    }

    private Pruned keepLocked(int keep) throws IOException {
        List<String> all = snapshots();
        List<String> removed = new ArrayList<>(all.subList(0, Math.max(0, all.size() - keep)));
        for (String name : removed) {
            deleteTree(snapshot(name));
        }
        try (Stream<Path> list = Files.list(dest.resolve(SNAPSHOTS))) {
            for (Path cut : list.filter(p -> p.getFileName().toString().startsWith(INCOMPLETE))
                    .toList()) {
                deleteTree(cut);
            }
        }
        Set<String> used = new HashSet<>();
        for (String name : snapshots()) {
            Manifest.read(snapshot(name).resolve(Manifest.FILE)).media().forEach(e -> used.add(e.sha256()));
        }
        int files = 0;
        long bytes = 0;
        try (Stream<Path> list = Files.list(pool())) {
            for (Path p :
                    list.filter(p -> !used.contains(p.getFileName().toString())).toList()) {
                bytes += Files.size(p);
                Files.delete(p);
                files++;
            }
        }
        return new Pruned(removed, files, bytes);
    }

    /** Every problem found in every snapshot: missing or damaged files, a database that fails its check. */
    /** Each snapshot and what is wrong with it: an empty list for a whole one. */
    public java.util.LinkedHashMap<String, List<String>> verifyEach() throws IOException {
        java.util.LinkedHashMap<String, List<String>> each = new java.util.LinkedHashMap<>();
        Map<String, String> checked = new java.util.HashMap<>();
        for (String name : snapshots()) {
            each.put(name, verify(name, checked));
        }
        return each;
    }

    public List<String> verify() throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> names = snapshots();
        if (names.isEmpty()) {
            problems.add(dest + ": no snapshot here");
        }
        Map<String, String> checked = new java.util.HashMap<>();
        for (String name : names) {
            problems.addAll(verify(name, checked));
        }
        return problems;
    }

    /** @param checked pool files already hashed in this run, and what was wrong with them ("" for nothing) */
    List<String> verify(String name, Map<String, String> checked) throws IOException {
        List<String> problems = new ArrayList<>();
        Path dir = snapshot(name);
        Manifest manifest;
        try {
            manifest = Manifest.read(dir.resolve(Manifest.FILE));
        } catch (IOException e) {
            problems.add(name + ": the manifest cannot be read (" + e.getMessage() + ")");
            return problems;
        }
        if (manifest.database() != null) {
            String result = integrityCheck(dir.resolve(manifest.database()));
            if (!result.equals("ok")) {
                problems.add(name + ": the database is damaged: " + result);
            }
        }
        for (Manifest.Entry e : manifest.media()) {
            String problem = checked.computeIfAbsent(e.sha256(), sha -> poolProblem(sha, e.size()));
            if (!problem.isEmpty()) {
                problems.add(name + ": " + e.path() + ": " + problem);
            }
        }
        return problems;
    }

    /** What is wrong with a pooled file: "" when it is there and whole. */
    String poolProblem(String sha256, long size) {
        Path file = pool().resolve(sha256);
        try {
            if (!Files.isRegularFile(file)) {
                return "missing from the backup's media pool";
            }
            if (Files.size(file) != size) {
                return "damaged (its size has changed)";
            }
            return ContentHash.sha256(file).equals(sha256) ? "" : "damaged (its content no longer matches its hash)";
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /** SQLite's own check of a database file: "ok", or what is wrong. */
    static String integrityCheck(Path db) {
        if (!Files.isRegularFile(db)) {
            return "the file is missing";
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db + "?open_mode=1");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            List<String> lines = new ArrayList<>();
            while (r.next()) {
                lines.add(r.getString(1));
            }
            return String.join("; ", lines);
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
