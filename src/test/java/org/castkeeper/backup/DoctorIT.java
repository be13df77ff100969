package org.castkeeper.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.testing.Fixtures;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue doctor on each kind of damage, and --repair on each safe case. */
class DoctorIT {
    @TempDir
    Path dir;

    TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void findsEachKindOfDamageAndRepairsOnlyWhatIsSafe() throws Exception {
        server = TestServer.start(dir, "");
        Episode moved = server.publish("untagged.mp3", "Moved", TestServer.START.minus(Duration.ofDays(3)));
        Episode changed = server.publish("cbr-id3v23.mp3", "Changed", TestServer.START.minus(Duration.ofDays(2)));
        Episode replaced = server.publish("vbr-xing.mp3", "Replaced", TestServer.START.minus(Duration.ofDays(1)));
        Path store = server.app().folder().orElseThrow().root();
        Doctor doctor = server.app().doctor();
        assertThat(doctor.examine(true, server.clock().instant())).isEmpty();

        // A file renamed by hand, a file edited in place, a stray file, a partial file a crash left, and a
        // replaced file whose time in data/retired is up.
        Path renamed = store.resolve("renamed by hand.mp3");
        Files.move(store.resolve(moved.audio().path()), renamed);
        Files.write(store.resolve(changed.audio().path()), new byte[] {1}, StandardOpenOption.APPEND);
        Files.writeString(store.resolve("stray.txt"), "not an episode");
        Path partial = Files.writeString(store.resolve(".incoming-123.part"), "half");
        Files.setLastModifiedTime(
                partial, FileTime.from(server.clock().instant().minus(Duration.ofHours(1))));
        Path fixed = dir.resolve("fixed.mp3");
        Files.copy(Fixtures.mp3("chapters.mp3"), fixed);
        server.app()
                .episodes()
                .update(replaced.edit()
                        .audio(server.app()
                                .importer()
                                .prepareReplacement(fixed, replaced)
                                .audio())
                        .build());
        server.app().sweepRetiredMedia();
        server.clock().advance(Duration.ofDays(31));

        List<Doctor.Finding> found = doctor.examine(true, server.clock().instant());
        assertThat(found)
                .extracting(Doctor.Finding::kind)
                .containsExactlyInAnyOrder(
                        Doctor.Kind.MISSING,
                        Doctor.Kind.CHANGED,
                        Doctor.Kind.UNKNOWN_FILE,
                        Doctor.Kind.UNKNOWN_FILE,
                        Doctor.Kind.STALE_PARTIAL,
                        Doctor.Kind.RETIRED_EXPIRED);
        assertThat(found)
                .filteredOn(f -> f.kind() == Doctor.Kind.MISSING)
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.what()).contains("\"Moved\"").contains("is missing");
                    assertThat(f.fix()).contains("renamed by hand.mp3");
                });
        assertThat(found).allSatisfy(f -> assertThat(f.fix()).isNotBlank());

        List<String> repaired = doctor.repair(server.clock().instant());
        assertThat(repaired).isNotEmpty();
        assertThat(store.resolve(moved.audio().path()))
                .as("put back under its name")
                .exists();
        assertThat(renamed).doesNotExist();
        assertThat(store.resolve("stray.txt")).doesNotExist();
        assertThat(dir.resolve("data/quarantine/stray.txt")).hasContent("not an episode");
        assertThat(partial).doesNotExist();
        assertThat(server.app().config().retiredDir().resolve(replaced.audio().path()))
                .doesNotExist();
        assertThat(store.resolve(changed.audio().path()))
                .as("a referenced file is never deleted")
                .exists();

        assertThat(doctor.examine(true, server.clock().instant()))
                .extracting(Doctor.Finding::kind)
                .containsExactly(Doctor.Kind.CHANGED);
        assertThat(server.get("/media/" + moved.audio().path()).statusCode()).isEqualTo(200);
    }

    @Test
    void aPartialFileIsReportedAtOnceButOnlyAnOldOneIsRemoved() throws Exception {
        server = TestServer.start(dir, "");
        Path store = server.app().folder().orElseThrow().root();
        Path uploads = Files.createDirectories(store.resolve(".uploads"));
        Path fresh = Files.writeString(uploads.resolve(".upload-1.part"), "being written");
        Files.setLastModifiedTime(fresh, FileTime.from(server.clock().instant()));
        Doctor doctor = server.app().doctor();

        assertThat(doctor.examine(true, server.clock().instant()))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(Doctor.Kind.STALE_PARTIAL);
                    assertThat(f.what())
                            .contains(".upload-1.part")
                            .contains("13 bytes")
                            .contains("is writing it");
                    assertThat(f.repairable()).isFalse();
                });
        doctor.repair(server.clock().instant());
        assertThat(fresh).exists();
    }

    @Test
    void theServerRemovesPartialFilesFromBeforeItsStartAndKeepsNewerOnes() throws Exception {
        Path store = Files.createDirectories(dir.resolve("data/media/.uploads"));
        Path cutOff = Files.writeString(store.resolve(".upload-7.part"), "cut off by kill -9");
        Files.setLastModifiedTime(cutOff, FileTime.from(java.time.Instant.now().minus(Duration.ofDays(1))));
        Path writing = Files.writeString(store.resolve(".upload-8.part"), "still arriving");
        Files.setLastModifiedTime(writing, FileTime.from(java.time.Instant.now().plus(Duration.ofMinutes(1))));
        server = TestServer.start(dir, "");

        var removed = server.app()
                .media()
                .clearUnfinished(
                        java.time.Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean()
                                .getStartTime()));

        assertThat(removed).singleElement().satisfies(u -> {
            assertThat(u.name()).isEqualTo(".uploads/.upload-7.part");
            assertThat(u.bytes()).isEqualTo("cut off by kill -9".length());
        });
        assertThat(cutOff).doesNotExist();
        assertThat(writing).exists();
    }
}
