package org.castkeeper.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.castkeeper.testing.Eventually.assertThatEventually;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.config.ConfigLoader;
import org.castkeeper.testing.AdminClient;
import org.castkeeper.testing.LongMp3;
import org.castkeeper.testing.S3Proxy;
import org.castkeeper.testing.TestDatabases;
import org.castkeeper.testing.TestServer;
import org.castkeeper.testing.TestShow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances, each on its own disk, sharing one PostgreSQL and one bucket: an episode published on the first
 * is in the second's feed (instances re-read the change stamp every 2 s), its audio answers from both, and show
 * artwork uploaded on the first is served by the second.
 */
class TwoInstancesOneBucketIT {
    @TempDir
    Path dir;

    @Test
    void anUploadOnOneIsServedByTheOther() throws Exception {
        S3Proxy proxy = S3Proxy.shared();
        String bucket = proxy.newBucket();
        String schema = TestDatabases.createSchema("ck_two_");
        try {
            Path a = instance("a", schema, proxy, bucket);
            Path b = instance("b", schema, proxy, bucket);
            try (TestServer one = TestServer.start(ConfigLoader.load(a.resolve("feed-config.yml"), Map.of()), a);
                    TestServer two = TestServer.start(ConfigLoader.load(b.resolve("feed-config.yml"), Map.of()), b)) {
                Path file = dir.resolve("episode.mp3");
                LongMp3.write(file, "Shared", 90);
                Episode e = one.publishFile(file, "Shared", TestServer.START.minus(Duration.ofDays(1)));
                assertThatEventually(() ->
                        assertThat(new String(two.get("/feed.xml").body())).contains(e.guid()));
                byte[] fromOne = one.get("/media/" + e.audio().path()).body();
                var fromTwo = two.get("/media/" + e.audio().path());
                assertThat(fromTwo.statusCode()).isEqualTo(200);
                assertThat(fromTwo.body()).isEqualTo(fromOne).hasSize((int)
                        e.audio().sizeBytes());
                assertThat(b.resolve("data/media"))
                        .as("nothing on the second's disk")
                        .doesNotExist();

                AdminClient host = new AdminClient(one).signedIn();
                var uploaded = host.postFile("/admin/settings/artwork", "artwork", "art.jpg", "image/jpeg", jpeg());
                assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(303);
                String name = one.app().showArtwork().publicName();
                assertThat(one.get("/artwork/" + name).statusCode()).isEqualTo(200);
                assertThatEventually(() -> {
                    two.clock().advance(Duration.ofSeconds(3));
                    two.get("/feed.xml");
                    assertThat(two.app().showArtwork().publicName()).isEqualTo(name);
                    assertThat(two.get("/artwork/" + name).statusCode()).isEqualTo(200);
                });
            }
        } finally {
            TestDatabases.dropSchema(schema);
        }
    }

    private Path instance(String name, String schema, S3Proxy proxy, String bucket) throws Exception {
        Path show = dir.resolve(name);
        Path config = TestShow.create(show, TestDatabases.POSTGRES_URL + "?currentSchema=" + schema);
        Files.writeString(
                config, Files.readString(config) + "  user: postgres\n" + BucketMediaIT.bucketConfig(proxy, bucket));
        Files.setLastModifiedTime(
                config, java.nio.file.attribute.FileTime.from(TestServer.START.minus(Duration.ofDays(30))));
        return show;
    }

    private static byte[] jpeg() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BufferedImage image = new BufferedImage(1400, 1400, BufferedImage.TYPE_INT_RGB);
        image.setRGB(7, 7, 0xff0000);
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
