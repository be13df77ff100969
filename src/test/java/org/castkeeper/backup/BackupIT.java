package org.castkeeper.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.cli.Main;
import org.castkeeper.config.ConfigLoader;
import org.castkeeper.testing.JarServer;
import org.castkeeper.testing.TestServer;
import org.castkeeper.testing.TestShow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** backup, backup --verify and restore, as a host runs them, against real files and a running server. */
class BackupIT {
    @TempDir
    Path dir;

    TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private record Run(int exitCode, String out, String err) {}

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    private String config() {
        return server.app().config().source().toString();
    }

    @Test
    void aBackupTakenUnderWritesRestoresIntoAnEmptyFolderWithEveryAcknowledgedWrite() throws Exception {
        server = TestServer.start(dir.resolve("show"), "");
        Episode e = server.publish("cover-art.mp3", "Edited live", TestServer.START.minus(Duration.ofDays(1)));
        server.publish("untagged.mp3", "Second", TestServer.START.minus(Duration.ofDays(2)));
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int n = 1; writing.get(); n++) {
                server.app()
                        .episodes()
                        .update(server.app()
                                .episodes()
                                .findById(e.id())
                                .orElseThrow()
                                .withTitle("Edit " + n));
                acknowledged.set(n);
            }
        });
        org.awaitility.Awaitility.await().until(() -> acknowledged.get() > 20);
        int beforeBackup = acknowledged.get();
        Path dest = dir.resolve("backups");
        Run backup = cli("backup", dest.toString(), "--config", config());
        writing.set(false);
        writer.join();
        assertThat(backup.exitCode()).as(backup.out() + backup.err()).isZero();
        // Two episodes' audio and one's cover art.
        assertThat(backup.out())
                .contains("3 media files")
                .contains("3 new")
                .contains("on the same disk as the data. This protects against mistakes, not against losing the disk.");

        // A new machine: an empty folder with a config of its own, then the restore.
        Path fresh = dir.resolve("fresh");
        Path freshConfig = TestShow.create(fresh);
        Run restore = cli("restore", dest.toString(), "--config", freshConfig.toString());
        assertThat(restore.exitCode()).as(restore.out() + restore.err()).isZero();
        assertThat(restore.out()).contains("restored snapshot").contains("3 media files");
        assertThat(Files.readString(freshConfig))
                .isEqualTo(Files.readString(server.app().config().source()));

        server.close();
        server = TestServer.start(ConfigLoader.load(freshConfig, Map.of()), fresh);
        String feed = new String(server.get("/feed.xml").body(), StandardCharsets.UTF_8);
        int restored = Integer.parseInt(feed.replaceAll("(?s).*<title>Edit (\\d+)</title>.*", "$1"));
        assertThat(restored)
                .as("every edit acknowledged before the backup began")
                .isGreaterThanOrEqualTo(beforeBackup);
        Episode back = server.app().episodes().findById(e.id()).orElseThrow();
        assertThat(server.get("/media/" + back.audio().path()).statusCode()).isEqualTo(200);
        assertThat(server.get("/media/" + back.artworkPath()).statusCode()).isEqualTo(200);
    }

    @Test
    void aSecondBackupCopiesOnlyNewFilesAndKeepPrunesSnapshotsAndThePool() throws Exception {
        server = TestServer.start(dir.resolve("show"), "");
        server.publish("untagged.mp3", "One", TestServer.START.minus(Duration.ofDays(2)));
        Path dest = dir.resolve("backups");
        assertThat(cli("backup", dest.toString(), "--config", config()).out())
                .contains("1 media files")
                .contains("1 new");
        server.clock().advance(Duration.ofMinutes(1));
        server.publish("vbr-xing.mp3", "Two", TestServer.START.minus(Duration.ofDays(1)));
        Run second = cli("backup", dest.toString(), "--config", config());
        assertThat(second.out()).contains("2 media files").contains("1 new");
        assertThat(pool(dest)).hasSize(2);

        // Replace "Two"'s audio and back up twice more, keeping two snapshots: the oldest goes, and with it
        // nothing, since its one file is still used; Two's first audio goes once no kept snapshot has it.
        Episode two = server.app().episodes().findBySlug("two").orElseThrow();
        Path fixed = dir.resolve("fixed.mp3");
        Files.copy(org.castkeeper.testing.Fixtures.mp3("cbr-id3v23.mp3"), fixed);
        server.app()
                .episodes()
                .update(two.edit()
                        .audio(server.app()
                                .importer()
                                .prepareReplacement(fixed, two)
                                .audio())
                        .build());
        cli("backup", dest.toString(), "--config", config());
        Run kept = cli("backup", dest.toString(), "--config", config(), "--keep", "2");
        assertThat(kept.exitCode()).isZero();
        assertThat(new Backups(dest).snapshots()).hasSize(2);
        assertThat(kept.out()).contains("removed 2").contains("1 media files");
        assertThat(pool(dest)).hasSize(2);
        assertThat(cli("backup", "--verify", dest.toString()).exitCode()).isZero();
    }

    @Test
    void aFlippedByteCostsOnlyItsFileAndTheSnapshotsThatUseIt() throws Exception {
        server = TestServer.start(dir.resolve("show"), "");
        server.publish("untagged.mp3", "One", TestServer.START.minus(Duration.ofDays(2)));
        Path dest = dir.resolve("backups");
        cli("backup", dest.toString(), "--config", config());
        server.clock().advance(Duration.ofMinutes(1));
        Episode two = server.publish("vbr-xing.mp3", "Two", TestServer.START.minus(Duration.ofDays(1)));
        cli("backup", dest.toString(), "--config", config());
        List<String> snapshots = new Backups(dest).snapshots();
        assertThat(cli("backup", "--verify", dest.toString()).out()).contains("every file is there and unchanged");

        // One flipped byte in Two's audio, which only the second snapshot holds.
        Path file = dest.resolve("media").resolve(two.audio().sha256());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        Run verify = cli("backup", "--verify", dest.toString());
        assertThat(verify.exitCode()).isEqualTo(Main.FAILED);
        assertThat(verify.out())
                .contains("whole    " + snapshots.get(0))
                .contains("DAMAGED  " + snapshots.get(1))
                .contains("no longer matches its hash")
                .contains("1 of 2 snapshots");

        // Restored into a folder holding only feed-config.yml: everything but that file comes back, and the
        // host is told which file, and which episode, is missing.
        Path fresh = dir.resolve("fresh");
        Path freshConfig = TestShow.create(fresh);
        org.castkeeper.testing.Fixtures.deleteTree(fresh.resolve("episodes"));
        Run restore = cli("restore", dest.toString(), "--config", freshConfig.toString());
        assertThat(restore.exitCode()).as(restore.err()).isEqualTo(Main.FAILED);
        assertThat(restore.out())
                .contains("NOT RESTORED: " + two.audio().path())
                .contains("used by episode " + two.id() + " \"Two\"")
                .contains("--also-from");
        Path media = fresh.resolve("data/media");
        assertThat(media.resolve(two.audio().path())).doesNotExist();
        Episode one = server.app().episodes().findBySlug("one").orElseThrow();
        assertThat(media.resolve(one.audio().path())).exists();
        assertThat(fresh.resolve("episodes/artwork/show.jpg")).exists();

        // Again, with the live media folder to take a whole copy from: nothing is missing.
        Path again = dir.resolve("again");
        Path againConfig = TestShow.create(again);
        Run recovered = cli(
                "restore",
                dest.toString(),
                "--config",
                againConfig.toString(),
                "--also-from",
                server.app().config().mediaDir().toString());
        assertThat(recovered.exitCode()).as(recovered.out() + recovered.err()).isZero();
        assertThat(recovered.out()).contains("recovered: " + two.audio().path());
        assertThat(again.resolve("data/media").resolve(two.audio().path()))
                .hasSameBinaryContentAs(
                        server.app().config().mediaDir().resolve(two.audio().path()));
    }

    @Test
    void aFullBackupDiskSaysSoAndLeavesNoHalfSnapshot() throws Exception {
        server = TestServer.start(dir.resolve("show"), "");
        server.publish("untagged.mp3", "One", TestServer.START.minus(Duration.ofDays(2)));
        Path dest = Files.createDirectories(dir.resolve("small-disk"));
        org.junit.jupiter.api.Assumptions.assumeTrue(
                new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", dest.toString())
                                .start()
                                .waitFor()
                        == 0,
                "mounting a small tmpfs needs root");
        try {
            Run full = cli("backup", dest.toString(), "--config", config());
            assertThat(full.exitCode()).isEqualTo(Main.FAILED);
            assertThat(full.err()).contains("is full, so no snapshot was taken");
            assertThat(new Backups(dest).snapshots()).isEmpty();
            try (var left = Files.list(dest.resolve("snapshots"))) {
                assertThat(left).as("no half-written snapshot").isEmpty();
            }
        } finally {
            new ProcessBuilder("umount", dest.toString()).start().waitFor();
        }
    }

    @Test
    void twoBackupsIntoOneDestinationAtOnceBothSucceedOneAfterTheOther() throws Exception {
        server = TestServer.start(dir.resolve("show"), "");
        server.publish("untagged.mp3", "One", TestServer.START.minus(Duration.ofDays(2)));
        Path dest = dir.resolve("backups");
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = two.submit(() -> cli("backup", dest.toString(), "--config", config()));
            var second = two.submit(() -> cli("backup", dest.toString(), "--config", config()));
            assertThat(first.get().exitCode())
                    .as(first.get().out() + first.get().err())
                    .isZero();
            assertThat(second.get().exitCode())
                    .as(second.get().out() + second.get().err())
                    .isZero();
        } finally {
            two.shutdownNow();
        }
        // The same second: two snapshots all the same, each whole.
        assertThat(new Backups(dest).snapshots()).hasSize(2);
        assertThat(cli("backup", "--verify", dest.toString()).exitCode()).isZero();
    }

    @Test
    void restoreIsRefusedWhileTheServerRunsAndKeepsThePreviousDataAside() throws Exception {
        Path show = dir.resolve("show");
        Path config = TestShow.create(show);
        Path dest = dir.resolve("backups");
        try (var app =
                org.castkeeper.Castkeeper.open(ConfigLoader.load(config, Map.of()), java.time.Clock.systemUTC())) {
            app.episodes().create(org.castkeeper.testing.Episodes.draft("Before"));
        }
        assertThat(cli("backup", dest.toString(), "--config", config.toString()).out())
                .contains("snapshot");

        try (JarServer running = JarServer.start(config, "128m")) {
            Run refused = cli("restore", dest.toString(), "--config", config.toString());
            assertThat(refused.exitCode()).isEqualTo(Main.FAILED);
            assertThat(refused.err()).contains("Castkeeper is running").contains("Stop it first");
        }
        Files.writeString(show.resolve("data/a-note-of-mine.txt"), "keep me");
        Run restore = cli("restore", dest.toString(), "--config", config.toString());
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        try (Stream<Path> siblings = Files.list(show)) {
            Path aside = siblings.filter(p -> p.getFileName().toString().startsWith("data.before-restore-"))
                    .findFirst()
                    .orElseThrow();
            assertThat(aside.resolve("a-note-of-mine.txt")).hasContent("keep me");
            assertThat(aside.resolve("castkeeper.db")).exists();
        }
        assertThat(show.resolve("data/a-note-of-mine.txt")).doesNotExist();
        assertThat(Backups.integrityCheck(show.resolve("data/castkeeper.db"))).isEqualTo("ok");
    }

    @Test
    void anUpgradeOfTheCatalogueIsPrecededByASnapshot() throws Exception {
        Path config = TestShow.create(dir);
        // The catalogue as an older version left it: migrated only up to V006.
        Files.createDirectories(dir.resolve("data"));
        org.flywaydb.core.Flyway.configure()
                .dataSource("jdbc:sqlite:" + dir.resolve("data/castkeeper.db"), null, null)
                .locations("classpath:db/migration/sqlite")
                .target("6")
                .load()
                .migrate();
        try (var app =
                org.castkeeper.Castkeeper.open(ConfigLoader.load(config, Map.of()), java.time.Clock.systemUTC())) {
            assertThat(app.episodes().count()).isZero();
        }
        Backups upgrades = new Backups(dir.resolve("data/backups"));
        assertThat(upgrades.snapshots()).hasSize(1);
        assertThat(upgrades.verify()).isEmpty();
        try (var again =
                org.castkeeper.Castkeeper.open(ConfigLoader.load(config, Map.of()), java.time.Clock.systemUTC())) {
            assertThat(upgrades.snapshots())
                    .as("nothing to upgrade the second time")
                    .hasSize(1);
        }
    }

    @Test
    void scheduledBackupSettingsAreCheckedLikeEveryOther() throws Exception {
        Path config = TestShow.create(dir);
        Files.writeString(
                config, Files.readString(config) + "backup:\n  dest: /mnt/backups\n  every: tomorrow\n  keep: 0\n");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ConfigLoader.load(config, Map.of())))
                .hasMessageContaining("backup.every: 'tomorrow' is not a time such as 24h, 6h or 30m")
                .hasMessageContaining("backup.keep: must be 1 or more");
        Files.writeString(
                config,
                Files.readString(config).replace("every: tomorrow", "every: 6h").replace("keep: 0", "keep: 7"));
        var loaded = ConfigLoader.load(config, Map.of());
        assertThat(loaded.backup().interval()).isEqualTo(Duration.ofHours(6));
        assertThat(loaded.backupDir()).isEqualTo(Path.of("/mnt/backups"));
    }

    @Test
    void serveBacksUpByItselfWhenTheConfigSaysSo() throws Exception {
        Path config = TestShow.create(dir.resolve("show"));
        Path dest = dir.resolve("scheduled");
        Files.writeString(config, Files.readString(config) + "backup:\n  dest: " + dest + "\n  every: 2s\n  keep: 2\n");
        try (var app =
                org.castkeeper.Castkeeper.open(ConfigLoader.load(config, Map.of()), java.time.Clock.systemUTC())) {
            app.episodes().create(org.castkeeper.testing.Episodes.draft("Kept safe"));
        }
        try (JarServer running = JarServer.start(config, "128m")) {
            Backups backups = new Backups(dest);
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> backups.snapshots().size() >= 2);
            assertThat(backups.snapshots().size()).as("keep: 2").isLessThanOrEqualTo(3);
        }
        assertThat(new Backups(dest).verify()).isEmpty();
    }

    @Test
    void withPostgresTheMediaAndConfigAreBackedUpAndRestoredTheSameWay() throws Exception {
        String schema = "ck_backup_" + java.util.UUID.randomUUID().toString().replace("-", "");
        try (var c = java.sql.DriverManager.getConnection(
                        org.castkeeper.testing.TestDatabases.POSTGRES_URL,
                        org.castkeeper.testing.TestDatabases.POSTGRES_USER,
                        "");
                var s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String url = org.castkeeper.testing.TestDatabases.POSTGRES_URL + "?currentSchema=" + schema;
        Path show = dir.resolve("show");
        Path config = TestShow.create(show, url);
        Files.writeString(config, Files.readString(config) + "  user: postgres\n");
        server = TestServer.start(ConfigLoader.load(config, Map.of()), show);
        Episode e = server.publish("cover-art.mp3", "On Postgres", TestServer.START.minus(Duration.ofDays(1)));
        Path dest = dir.resolve("backups");
        Run backup = cli("backup", dest.toString(), "--config", config.toString());
        assertThat(backup.exitCode()).as(backup.out() + backup.err()).isZero();
        assertThat(backup.out()).contains("2 media files").contains("back up PostgreSQL with pg_dump");
        assertThat(cli("backup", "--verify", dest.toString()).exitCode()).isZero();
        server.close();
        server = null;

        Files.delete(show.resolve("data/media").resolve(e.audio().path()));
        Run restore = cli("restore", dest.toString(), "--config", config.toString());
        assertThat(restore.exitCode()).as(restore.out() + restore.err()).isZero();
        assertThat(restore.out()).contains("2 media files").contains("pg_dump");
        assertThat(show.resolve("data/media").resolve(e.audio().path())).exists();
        server = TestServer.start(ConfigLoader.load(config, Map.of()), show);
        assertThat(server.get("/media/" + e.audio().path()).statusCode()).isEqualTo(200);
    }

    private static List<Path> pool(Path dest) throws Exception {
        try (Stream<Path> files = Files.list(dest.resolve("media"))) {
            return files.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }
}
