package org.castkeeper.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.castkeeper.backup.Doctor;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.cli.Main;
import org.castkeeper.testing.S3Proxy;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The tools that keep a show whole work on a bucket as on the folder, through the media store: the doctor finds
 * and repairs what is wrong in the bucket, a backup streams the bucket's files into its pool, and a restore puts
 * lost ones back into the bucket.
 */
class BucketBackupIT {
    @TempDir
    Path dir;

    @Test
    void theDoctorExaminesAndRepairsTheBucket() throws Exception {
        S3Proxy proxy = S3Proxy.shared();
        String bucket = proxy.newBucket();
        try (TestServer server = TestServer.startWithFeedSettings(dir, BucketMediaIT.bucketConfig(proxy, bucket));
                S3Client s3 = proxy.client()) {
            Episode moved = server.publish("untagged.mp3", "Moved", TestServer.START.minus(Duration.ofDays(2)));
            server.publish("cbr-id3v23.mp3", "Kept", TestServer.START.minus(Duration.ofDays(1)));
            Doctor doctor = server.app().doctor();
            assertThat(doctor.examine(true, server.clock().instant())).isEmpty();

            // Renamed by hand in the bucket's console, a stray object, and an upload under way.
            String key = "media/" + moved.audio().path();
            s3.copyObject(b -> b.sourceBucket(bucket)
                    .sourceKey(key)
                    .destinationBucket(bucket)
                    .destinationKey("media/renamed by hand.mp3"));
            s3.deleteObject(b -> b.bucket(bucket).key(key));
            s3.putObject(b -> b.bucket(bucket).key("media/stray.txt"), RequestBody.fromString("not an episode"));
            s3.createMultipartUpload(b -> b.bucket(bucket).key("media/arriving.mp3"));

            List<Doctor.Finding> found = doctor.examine(true, server.clock().instant());
            assertThat(found)
                    .extracting(Doctor.Finding::kind)
                    .containsExactlyInAnyOrder(
                            Doctor.Kind.MISSING,
                            Doctor.Kind.UNKNOWN_FILE,
                            Doctor.Kind.UNKNOWN_FILE,
                            Doctor.Kind.STALE_PARTIAL);
            assertThat(found)
                    .filteredOn(f -> f.kind() == Doctor.Kind.MISSING)
                    .singleElement()
                    .satisfies(f -> assertThat(f.fix()).contains("renamed by hand.mp3"));
            assertThat(found)
                    .filteredOn(f -> f.kind() == Doctor.Kind.STALE_PARTIAL)
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.what()).contains("arriving.mp3").contains("is writing it");
                        assertThat(f.repairable()).as("begun just now").isFalse();
                    });

            doctor.repair(server.clock().instant());

            assertThat(server.app().media().list())
                    .containsExactlyInAnyOrderElementsOf(server.app().episodes().all().stream()
                            .flatMap(e -> e.files().stream())
                            .toList());
            assertThat(dir.resolve("data/quarantine/stray.txt")).hasContent("not an episode");
            assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads())
                    .as("an upload that may still be running is left alone")
                    .hasSize(1);
            assertThat(doctor.examine(true, server.clock().instant()))
                    .extracting(Doctor.Finding::kind)
                    .containsExactly(Doctor.Kind.STALE_PARTIAL);
            assertThat(server.get("/media/" + moved.audio().path()).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void aBackupStreamsTheBucketIntoItsPoolAndARestorePutsLostFilesBack() throws Exception {
        S3Proxy proxy = S3Proxy.shared();
        String bucket = proxy.newBucket();
        Path backups = dir.resolve("backups");
        Episode lost;
        Path config;
        byte[] original;
        try (TestServer server = TestServer.startWithFeedSettings(dir, BucketMediaIT.bucketConfig(proxy, bucket))) {
            lost = server.publish("cbr-id3v23.mp3", "Lost", TestServer.START.minus(Duration.ofDays(2)));
            server.publish("untagged.mp3", "Kept", TestServer.START.minus(Duration.ofDays(1)));
            config = server.app().config().source();
            original = server.get("/media/" + lost.audio().path()).body();

            Run first = castkeeper("backup", backups.toString(), "--config", config.toString());
            assertThat(first.code()).as(first.err()).isZero();
            assertThat(first.out()).contains("2 media files").contains("2 new");
            Run again = castkeeper("backup", backups.toString(), "--config", config.toString());
            assertThat(again.out()).as("only new objects are read").contains("0 new");
        }
        try (var pool = Files.list(backups.resolve("media"))) {
            assertThat(pool.filter(Files::isRegularFile)).hasSize(2);
        }
        try (S3Client s3 = proxy.client()) {
            s3.deleteObject(b -> b.bucket(bucket).key("media/" + lost.audio().path()));
        }

        Run restore = castkeeper("restore", backups.toString(), "--config", config.toString());
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("2 media files");
        assertThat(dir.resolve("data/media")).as("nothing goes to the folder").doesNotExist();
        try (TestServer again =
                TestServer.start(org.castkeeper.config.ConfigLoader.load(config, java.util.Map.of()), dir)) {
            var served = again.get("/media/" + lost.audio().path());
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.body()).isEqualTo(original);
        }
    }

    @Test
    void aRestoreIntoABucketThatDoesNotAnswerTouchesNothing() throws Exception {
        S3Proxy proxy = S3Proxy.shared();
        String bucket = proxy.newBucket();
        Path backups = dir.resolve("backups");
        Path config;
        try (TestServer server = TestServer.startWithFeedSettings(dir, BucketMediaIT.bucketConfig(proxy, bucket))) {
            server.publish("cbr-id3v23.mp3", "Saved", TestServer.START.minus(Duration.ofDays(1)));
            config = server.app().config().source();
            assertThat(castkeeper("backup", backups.toString(), "--config", config.toString())
                            .code())
                    .isZero();
        }
        try (S3Client s3 = proxy.client()) {
            s3.listObjectsV2Paginator(b -> b.bucket(bucket))
                    .contents()
                    .forEach(o -> s3.deleteObject(b -> b.bucket(bucket).key(o.key())));
            s3.deleteBucket(b -> b.bucket(bucket));
        }
        String before = Files.readString(config);

        Run restore = castkeeper("restore", backups.toString(), "--config", config.toString());

        assertThat(restore.code()).isNotZero();
        assertThat(restore.err())
                .contains("there is no bucket named \"" + bucket + "\"")
                .contains("Nothing was restored");
        assertThat(Files.readString(config)).isEqualTo(before);
        assertThat(dir.resolve("data/castkeeper.db")).exists();
        try (var aside = Files.list(dir)) {
            assertThat(aside.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("before-restore"));
        }
    }

    private record Run(int code, String out, String err) {}

    private static Run castkeeper(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }
}
