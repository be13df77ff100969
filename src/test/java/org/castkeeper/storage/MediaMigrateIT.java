package org.castkeeper.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.cli.Main;
import org.castkeeper.config.ConfigLoader;
import org.castkeeper.testing.S3Proxy;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code castkeeper media migrate --to s3}: every stored file copied into the bucket and verified, a second run
 * copies nothing, nothing leaves the folder, and with storage.media switched to s3 the show is served from the
 * bucket.
 */
class MediaMigrateIT {
    @TempDir
    Path dir;

    @Test
    void aFolderMovesIntoABucketVerifiedAndResumable() throws Exception {
        S3Proxy proxy = S3Proxy.shared();
        String bucket = proxy.newBucket();
        String s3 = BucketMediaIT.bucketConfig(proxy, bucket).replace("  media: s3\n", "");
        Path show = dir.resolve("show");
        Episode first;
        Episode second;
        Path config;
        try (TestServer server = TestServer.startWithFeedSettings(show, s3)) {
            first = server.publish("cbr-id3v23.mp3", "First", TestServer.START.minus(Duration.ofDays(2)));
            second = server.publish("untagged.mp3", "Second", TestServer.START.minus(Duration.ofDays(1)));
            second = server.app().lifecycle().setArtwork(second, jpeg(), "dominion");
            config = server.app().config().source();

            Run run = migrate(config);
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out())
                    .contains("3 copied and verified, 0 already there, 0 problems.")
                    .contains("Now set storage.media: s3");
            try (S3Client client = proxy.client()) {
                assertThat(client.listObjectsV2(b -> b.bucket(bucket)).contents())
                        .extracting(o -> o.key())
                        .containsExactlyInAnyOrder(
                                "media/" + first.audio().path(),
                                "media/" + second.audio().path(),
                                "media/" + second.artworkPath());
            }
            assertThat(show.resolve("data/media").resolve(first.audio().path()))
                    .as("nothing deleted")
                    .exists();

            Run again = migrate(config);
            assertThat(again.code()).isZero();
            assertThat(again.out()).contains("0 copied and verified, 3 already there, 0 problems.");
        }

        // Switched to the bucket: the same episodes, served from it.
        Files.writeString(config, Files.readString(config).replace("storage:\n", "storage:\n  media: s3\n"));
        try (TestServer server = TestServer.start(ConfigLoader.load(config, Map.of()), show)) {
            var media = server.get("/media/" + first.audio().path());
            assertThat(media.statusCode()).isEqualTo(200);
            assertThat(media.body())
                    .isEqualTo(Files.readAllBytes(
                            show.resolve("data/media/" + first.audio().path())));
            assertThat(server.app().media()).isInstanceOf(BucketStore.class);
        }
    }

    record Run(int code, String out, String err) {}

    private static Run migrate(Path config) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "media",
                "migrate",
                "--to",
                "s3",
                "--config",
                config.toString());
        return new Run(code, out.toString(), err.toString());
    }

    private static byte[] jpeg() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(1400, 1400, BufferedImage.TYPE_INT_RGB), "jpg", out);
        return out.toByteArray();
    }
}
