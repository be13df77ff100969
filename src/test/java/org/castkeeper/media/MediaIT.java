package org.castkeeper.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.castkeeper.testing.Eventually.assertThatEventually;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.EpisodeState;
import org.castkeeper.http.HttpCaching;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Enclosures as podcatchers and directories fetch them: HEAD, ranges, validators, and nothing that is not public. */
class MediaIT {
    @TempDir
    Path dir;

    TestServer server;
    Episode live;
    byte[] audio;
    String url;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir, "");
        live = server.publish("cover-art.mp3", "Live", TestServer.START.minus(Duration.ofDays(1)));
        audio = Files.readAllBytes(
                server.app().folder().orElseThrow().root().resolve(live.audio().path()));
        url = "/media/" + live.audio().path();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void fullGetWithExactLengthTypeAndValidators() throws Exception {
        HttpResponse<byte[]> r = server.get(url);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(audio);
        assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(audio.length);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
        assertThat(r.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(r.headers().firstValue("ETag"))
                .hasValue("\"" + live.audio().sha256().substring(0, 32) + "\"");
        assertThat(r.headers().firstValue("Last-Modified")).isPresent();
    }

    @Test
    void headAnswersWithHeadersOnly() throws Exception {
        HttpResponse<byte[]> r = server.head(url);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(audio.length);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
        assertThat(r.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        HttpResponse<byte[]> ranged = server.head(url, "Range", "bytes=0-1");
        assertThat(ranged.statusCode()).isEqualTo(206);
        assertThat(ranged.headers().firstValue("Content-Range")).hasValue("bytes 0-1/" + audio.length);
        assertThat(ranged.headers().firstValueAsLong("Content-Length")).hasValue(2);
    }

    @Test
    void firstTwoBytes() throws Exception {
        HttpResponse<byte[]> r = server.get(url, "Range", "bytes=0-1");
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(r.headers().firstValue("Content-Range")).hasValue("bytes 0-1/" + audio.length);
        assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(2);
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(audio, 0, 2));
    }

    @Test
    void openEndedRange() throws Exception {
        HttpResponse<byte[]> r = server.get(url, "Range", "bytes=100-");
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(r.headers().firstValue("Content-Range"))
                .hasValue("bytes 100-" + (audio.length - 1) + "/" + audio.length);
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(audio, 100, audio.length));
    }

    @Test
    void suffixRangeIsTheLastBytes() throws Exception {
        HttpResponse<byte[]> r = server.get(url, "Range", "bytes=-500");
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(r.headers().firstValue("Content-Range"))
                .hasValue("bytes " + (audio.length - 500) + "-" + (audio.length - 1) + "/" + audio.length);
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(audio, audio.length - 500, audio.length));
    }

    @Test
    void aRangePastTheEndIs416WithTheSize() throws Exception {
        HttpResponse<byte[]> r = server.get(url, "Range", "bytes=" + audio.length + "-");
        assertThat(r.statusCode()).isEqualTo(416);
        assertThat(r.headers().firstValue("Content-Range")).hasValue("bytes */" + audio.length);
        // And the server is fine afterwards (Javalin's own range code was known to spin here).
        assertThat(server.get(url, "Range", "bytes=0-1").statusCode()).isEqualTo(206);
    }

    @Test
    void ifRangeHonoursTheRangeOnlyForTheSameFile() throws Exception {
        String etag = server.head(url).headers().firstValue("ETag").orElseThrow();
        String lastModified =
                server.head(url).headers().firstValue("Last-Modified").orElseThrow();
        assertThat(server.get(url, "Range", "bytes=0-1", "If-Range", etag).statusCode())
                .isEqualTo(206);
        assertThat(server.get(url, "Range", "bytes=0-1", "If-Range", lastModified)
                        .statusCode())
                .isEqualTo(206);
        HttpResponse<byte[]> changed = server.get(url, "Range", "bytes=0-1", "If-Range", "\"other\"");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo(audio);
        assertThat(server.get(url, "Range", "bytes=0-1", "If-Range", "Mon, 01 Jan 2024 00:00:00 GMT")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aFileTruncatedWhileItIsBeingSentCutsThatDownloadOnly() throws Exception {
        // Served from a shared memory mapping: a host who truncates a file in place mid-download must cost that
        // one download, never the server.
        Path file =
                server.app().folder().orElseThrow().root().resolve(live.audio().path());
        long size = 64L * 1024 * 1024;
        try (var out = Files.newOutputStream(file)) {
            byte[] block = new byte[1024 * 1024];
            for (int i = 0; i < size / block.length; i++) {
                out.write(block);
            }
        }
        int port = java.net.URI.create(server.url("/")).getPort();
        long received = 0;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setReceiveBufferSize(64 * 1024);
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET " + url + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            var in = socket.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            while (received < 1024 * 1024) {
                received += in.read(buffer);
            }
            try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
                channel.truncate(1024 * 1024);
            }
            for (int n; (n = in.read(buffer)) > 0; ) {
                received += n;
            }
        } catch (java.net.SocketException reset) {
            // The server cut the connection: what this test expects.
        }
        assertThat(received).isLessThan(size);
        HttpResponse<byte[]> after = server.get(url);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).hasSize(1024 * 1024);
        assertThat(server.get("/feed.xml").statusCode()).isEqualTo(200);
    }

    @Test
    void conditionalGetIs304() throws Exception {
        String etag = server.head(url).headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> notModified = server.get(url, "If-None-Match", etag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        // RFC 9110 8.6: no "Content-Length: 0" on a 304.
        assertThat(notModified.headers().firstValue("Content-Length")).isEmpty();
        String lastModified =
                server.head(url).headers().firstValue("Last-Modified").orElseThrow();
        assertThat(server.get(url, "If-Modified-Since", lastModified).statusCode())
                .isEqualTo(304);
        assertThat(HttpCaching.parseHttpDate(lastModified)).isNotNull();
    }

    @Test
    void draftsUnpublishedAndFutureEpisodesAre404() throws Exception {
        Episode draft = server.publish("untagged.mp3", "Draft", null);
        Episode pulled = server.publish("vbr-xing.mp3", "Pulled", TestServer.START.minus(Duration.ofDays(2)));
        server.app().episodes().update(pulled.withState(EpisodeState.UNPUBLISHED, pulled.publishAt()));
        Episode future = server.publish("id3v22.mp3", "Future", null);
        server.app()
                .episodes()
                .update(future.withState(EpisodeState.SCHEDULED, TestServer.START.plus(Duration.ofDays(1))));
        for (Episode e : new Episode[] {draft, pulled, future}) {
            assertThat(server.get("/media/" + e.audio().path()).statusCode())
                    .as(e.title())
                    .isEqualTo(404);
            assertThat(server.head("/media/" + e.audio().path()).statusCode())
                    .as(e.title())
                    .isEqualTo(404);
        }
        server.clock().advance(Duration.ofDays(1));
        assertThatEventually(
                () -> assertThat(server.get("/media/" + future.audio().path()).statusCode())
                        .isEqualTo(200));
    }

    @Test
    void episodeArtworkOfALiveEpisodeIsServed() throws Exception {
        HttpResponse<byte[]> r = server.get("/media/" + live.artworkPath());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(r.body()).startsWith((byte) 0xFF, (byte) 0xD8);
    }

    @Test
    void theShowArtworkIsServedUnderItsHashedName() throws Exception {
        String name = server.app().showArtwork().publicName();
        HttpResponse<byte[]> r = server.get("/artwork/" + name);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(r.body()).isEqualTo(Files.readAllBytes(server.app().config().showArtwork()));
        assertThat(server.get("/artwork/show.jpg").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/media/../feed-config.yml",
                "/media/%2e%2e/feed-config.yml",
                "/media/..%2Ffeed-config.yml",
                "/media/artwork/../../feed-config.yml",
                "/media/%2Fetc%2Fpasswd",
                "/media//etc/passwd",
                "/media/..%5Cfeed-config.yml",
                "/media/artwork/show.jpg",
                "/media/notes.txt",
                "/media/data/castkeeper.db",
                "/media/"
            })
    void noRequestReachesAFileThatIsNotPublic(String path) throws Exception {
        Files.writeString(dir.resolve("episodes/notes.txt"), "private");
        Files.writeString(server.app().folder().orElseThrow().root().resolve("notes.txt"), "private");
        HttpResponse<byte[]> r = server.get(path);
        assertThat(r.statusCode()).as(path).isIn(400, 404);
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("show:", "root:", "private", "SQLite");
    }
}
