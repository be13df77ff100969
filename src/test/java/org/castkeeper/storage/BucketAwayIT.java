package org.castkeeper.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.media.StoreUnavailable;
import org.castkeeper.testing.AdminClient;
import org.castkeeper.testing.Fixtures;
import org.castkeeper.testing.LongMp3;
import org.castkeeper.testing.S3Proxy;
import org.castkeeper.testing.TcpProxy;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The bucket's service stops while the server runs, before an upload or in the middle of sending one to the
 * bucket: media requests and uploads are answered 503 in words with a time to try again, nothing half-stored is
 * left (no episode, no spooled upload, no object), nothing stored before is lost, and the feed keeps answering.
 */
class BucketAwayIT {
    @TempDir
    Path dir;

    @Test
    void withTheBucketAwayUploadsAndMediaAre503InWordsAndNothingIsLeftHalfDone() throws Exception {
        S3Proxy proxy = S3Proxy.start(Files.createDirectories(dir.resolve("proxy")));
        try {
            String bucket = proxy.newBucket();
            try (TestServer server =
                    TestServer.startWithFeedSettings(dir.resolve("show"), BucketMediaIT.bucketConfig(proxy, bucket))) {
                Episode e = server.publish("cbr-id3v23.mp3", "Before", TestServer.START.minus(Duration.ofDays(1)));
                String media = "/media/" + e.audio().path();
                assertThat(server.get(media).statusCode()).isEqualTo(200);
                AdminClient host = new AdminClient(server).signedIn();

                proxy.stop();

                var play = server.get(media);
                assertThat(play.statusCode()).isEqualTo(503);
                assertThat(new String(play.body())).isEqualTo(StoreUnavailable.WORDS);
                assertThat(play.headers().firstValue("Retry-After")).contains("30");

                var upload = host.putFile("/admin/upload?name=new.mp3", Fixtures.mp3("untagged.mp3"));
                assertThat(upload.statusCode()).as(upload.body()).isEqualTo(503);
                assertThat(upload.body()).contains(StoreUnavailable.WORDS);
                assertThat(server.app().episodes().count()).isEqualTo(1);
                try (var spooled = Files.walk(server.app().config().uploadSpoolDir())) {
                    assertThat(spooled.filter(Files::isRegularFile))
                            .as("no upload left in the spool")
                            .isEmpty();
                }

                assertThat(server.get("/feed.xml").statusCode()).isEqualTo(200);
            }
        } finally {
            proxy.stop();
        }
    }

    @Test
    void theBucketStoppingInTheMiddleOfAMultipartUploadLeavesNothingAndLosesNothing() throws Exception {
        Path proxyDir = Files.createDirectories(dir.resolve("proxy"));
        S3Proxy proxy = S3Proxy.start(proxyDir);
        Path big = dir.resolve("big.mp3");
        LongMp3.write(big, "Ninety minutes", 90 * 60L); // 43 MB: sent in 8 MiB parts
        try (TcpProxy line = new TcpProxy("127.0.0.1", proxy.port())) {
            String bucket = proxy.newBucket();
            String config = BucketMediaIT.bucketConfig(proxy, bucket)
                    .replace(proxy.endpoint(), "http://127.0.0.1:" + line.port());
            try (TestServer server = TestServer.startWithFeedSettings(dir.resolve("show"), config)) {
                Episode before = server.publish("cbr-id3v23.mp3", "Before", TestServer.START.minus(Duration.ofDays(1)));
                AdminClient host = new AdminClient(server).signedIn();

                // Stopped once 20 MiB of the upload have reached it: in its third part.
                line.whenForwarded(20L << 20, proxy::stop);
                var upload = host.putFile("/admin/upload?name=big.mp3", big);

                assertThat(upload.statusCode()).as(upload.body()).isEqualTo(503);
                assertThat(upload.body()).contains(StoreUnavailable.WORDS);
                assertThat(server.app().episodes().count()).isEqualTo(1);
                try (var spooled = Files.walk(server.app().config().uploadSpoolDir())) {
                    assertThat(spooled.filter(Files::isRegularFile)).isEmpty();
                }
                assertThat(server.get("/feed.xml").statusCode()).isEqualTo(200);

                // The service back (on another port): the bucket holds what it held, and nothing of the upload.
                S3Proxy again = S3Proxy.start(proxyDir);
                try (S3Client s3 = again.client()) {
                    assertThat(s3.listObjectsV2(b -> b.bucket(bucket).prefix("media/"))
                                    .contents())
                            .extracting(o -> o.key().substring("media/".length()))
                            .containsExactlyInAnyOrderElementsOf(before.files());
                } finally {
                    again.stop();
                }
            }
        } finally {
            proxy.stop();
        }
    }
}
