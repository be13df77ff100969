package org.castkeeper.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.cli.Main;
import org.castkeeper.testing.AdminClient;
import org.castkeeper.testing.S3Proxy;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A show whose media live in a bucket (storage.media: s3, on S3Proxy): imported files go to the bucket with their
 * type and nothing to data/media; the media endpoint streams them from it with HEAD, ranges, 416, If-Range and the
 * content-hash ETag as from the folder; the admin's preview plays them; a missing bucket stops every command at
 * start in one line.
 */
class BucketMediaIT {
    @TempDir
    Path dir;

    static String bucketConfig(S3Proxy proxy, String bucket) {
        return "storage:\n  media: s3\n  s3:\n    endpoint: " + proxy.endpoint() + "\n    region: us-east-1\n"
                + "    bucket: " + bucket + "\n    prefix: media/\n    pathStyle: true\n    accessKey: "
                + S3Proxy.ACCESS_KEY + "\n    secretKey: " + S3Proxy.SECRET_KEY + "\n";
    }

    @Test
    void mediaAreStoredInTheBucketAndServedFromItLikeFromTheFolder() throws Exception {
        S3Proxy proxy = S3Proxy.shared();
        String bucket = proxy.newBucket();
        try (TestServer server = TestServer.startWithFeedSettings(dir, bucketConfig(proxy, bucket))) {
            Episode e = server.publish("cbr-id3v23.mp3", "From the bucket", TestServer.START.minus(Duration.ofDays(1)));
            byte[] original =
                    Files.readAllBytes(server.app().config().episodesDir().resolve("From-the-bucket.mp3"));
            try (S3Client s3 = proxy.client()) {
                var head = s3.headObject(
                        b -> b.bucket(bucket).key("media/" + e.audio().path()));
                assertThat(head.contentType()).isEqualTo("audio/mpeg");
                assertThat(head.contentLength()).isEqualTo(original.length);
            }
            assertThat(server.dir().resolve("data/media")).doesNotExist();

            String media = "/media/" + e.audio().path();
            HttpResponse<byte[]> whole = server.get(media);
            assertThat(whole.statusCode()).isEqualTo(200);
            assertThat(whole.body()).isEqualTo(original);
            String etag = whole.headers().firstValue("ETag").orElseThrow();
            assertThat(etag).contains(e.audio().sha256().substring(0, 16));
            assertThat(whole.headers().firstValue("Content-Type")).contains("audio/mpeg");

            HttpResponse<byte[]> probe = server.get(media, "Range", "bytes=0-1");
            assertThat(probe.statusCode()).isEqualTo(206);
            assertThat(probe.body()).containsExactly(original[0], original[1]);
            assertThat(probe.headers().firstValue("Content-Range")).contains("bytes 0-1/" + original.length);

            HttpResponse<byte[]> middle = server.get(media, "Range", "bytes=1000-1999", "If-Range", etag);
            assertThat(middle.statusCode()).isEqualTo(206);
            assertThat(middle.body()).isEqualTo(java.util.Arrays.copyOfRange(original, 1000, 2000));
            assertThat(server.get(media, "Range", "bytes=1000-1999", "If-Range", "\"another\"")
                            .statusCode())
                    .as("a stale If-Range gets the whole file")
                    .isEqualTo(200);
            assertThat(server.get(media, "Range", "bytes=99999999-").statusCode())
                    .isEqualTo(416);
            HttpResponse<byte[]> head = server.head(media);
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.headers().firstValue("Content-Length")).contains(Integer.toString(original.length));
            assertThat(server.get(media, "If-None-Match", etag).statusCode()).isEqualTo(304);
            assertThat(server.get("/media/nothing.mp3").statusCode()).isEqualTo(404);

            AdminClient host = new AdminClient(server).signedIn();
            HttpResponse<String> preview = host.get("/admin/episodes/" + e.id() + "/file/audio");
            assertThat(preview.statusCode()).isEqualTo(200);
            assertThat(preview.headers().firstValue("Content-Length")).contains(Integer.toString(original.length));
        }
    }

    /**
     * Behind a CDN: after the catalogue lookup a temporary, uncached redirect to the CDN (never a 301); drafts and
     * unknown names stay 404; the download is counted by the range asked; the site's CSP lets pages load from it.
     */
    @Test
    void behindACdnEveryPlayIsATemporaryRedirectThatIsCountedAndNeverCached() throws Exception {
        S3Proxy proxy = S3Proxy.shared();
        String bucket = proxy.newBucket();
        String cdn = "https://cdn.example.com/media/";
        try (TestServer server =
                TestServer.startWithFeedSettings(dir, bucketConfig(proxy, bucket) + "  mediaBaseUrl: " + cdn + "\n")) {
            Episode e = server.publish("cbr-id3v23.mp3", "Via the CDN", TestServer.START.minus(Duration.ofDays(1)));
            Episode draft = server.publish("untagged.mp3", "Not yet", null);
            String media = "/media/" + e.audio().path();
            HttpResponse<byte[]> whole = server.get(media, "User-Agent", "Overcast/3.0");
            assertThat(whole.statusCode()).isEqualTo(302);
            assertThat(whole.headers().firstValue("Location"))
                    .contains(cdn + e.audio().path());
            assertThat(whole.headers().firstValue("Cache-Control")).contains("no-store");
            HttpResponse<byte[]> probe = server.get(media, "Range", "bytes=0-1", "User-Agent", "AppleCoreMedia/1.0");
            assertThat(probe.statusCode()).isEqualTo(302);
            assertThat(server.head(media).statusCode()).isEqualTo(302);
            assertThat(server.get("/media/" + draft.audio().path()).statusCode())
                    .isEqualTo(404);
            assertThat(server.get("/media/nothing.mp3").statusCode()).isEqualTo(404);

            var log = (org.castkeeper.analytics.RequestLog) server.app().mediaRequests();
            log.write();
            var rows = server.app()
                    .database()
                    .dsl()
                    .select(
                            org.castkeeper.db.generated.Tables.MEDIA_REQUEST.FIRST_BYTE,
                            org.castkeeper.db.generated.Tables.MEDIA_REQUEST.LAST_BYTE,
                            org.castkeeper.db.generated.Tables.MEDIA_REQUEST.WHOLE,
                            org.castkeeper.db.generated.Tables.MEDIA_REQUEST.STATUS)
                    .from(org.castkeeper.db.generated.Tables.MEDIA_REQUEST)
                    .orderBy(org.castkeeper.db.generated.Tables.MEDIA_REQUEST.ID)
                    .fetch();
            // The two-byte probe is not a download: only the whole file asked of the CDN is recorded.
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).value1()).isZero();
            assertThat(rows.get(0).value2()).isEqualTo(e.audio().sizeBytes() - 1);
            assertThat(rows.get(0).value3()).isTrue();
            assertThat(rows.get(0).value4()).isEqualTo(302);

            assertThat(server.get("/episodes/" + e.slug())
                            .headers()
                            .firstValue("Content-Security-Policy")
                            .orElseThrow())
                    .contains("media-src 'self' http://localhost:8080 https://cdn.example.com;");
        }
    }

    @Test
    void aMissingBucketStopsEveryCommandAtStartInOneLine() throws Exception {
        S3Proxy proxy = S3Proxy.shared();
        try (TestServer server = TestServer.start(dir.resolve("folder"), "")) {
            // A valid config, then the bucket named wrong in it.
            Path config = server.app().config().source();
            Files.writeString(config, Files.readString(config) + bucketConfig(proxy, "no-such-bucket"));
            StringWriter err = new StringWriter();
            int code = Main.run(
                    new PrintWriter(new StringWriter(), true),
                    new PrintWriter(err, true),
                    "stats",
                    "--config",
                    config.toString());
            assertThat(code).isNotZero();
            assertThat(err.toString().strip())
                    .isEqualTo("castkeeper: Castkeeper cannot start: storage.s3.bucket: there is no bucket named"
                            + " \"no-such-bucket\" at " + proxy.endpoint() + ".");
        }
    }
}
