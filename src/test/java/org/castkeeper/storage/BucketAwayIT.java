package org.castkeeper.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.media.StoreUnavailable;
import org.castkeeper.testing.AdminClient;
import org.castkeeper.testing.Fixtures;
import org.castkeeper.testing.S3Proxy;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bucket's service stops while the server runs: media requests and uploads are answered 503 in words with a
 * time to try again, nothing half-stored is left (no episode, no spooled upload), and the feed keeps answering.
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
}
