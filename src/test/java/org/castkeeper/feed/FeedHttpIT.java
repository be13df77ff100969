package org.castkeeper.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.castkeeper.testing.Eventually.assertThatEventually;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.castkeeper.Castkeeper;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How /feed.xml answers podcatchers' polls: validators, 304s, gzip, HEAD, paging. */
class FeedHttpIT {
    @TempDir
    Path dir;

    TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir, "");
        server.publish("cbr-id3v23.mp3", "First", TestServer.START.minus(Duration.ofDays(14)));
        server.publish("untagged.mp3", "Second", TestServer.START.minus(Duration.ofDays(7)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void fullGetHasValidatorsAndTheRssContentType() throws Exception {
        HttpResponse<byte[]> r = server.get("/feed.xml");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/rss+xml; charset=utf-8");
        assertThat(r.headers().firstValue("ETag")).get().asString().matches("\"[0-9a-f]{32}\"");
        assertThat(r.headers().firstValue("Last-Modified")).isPresent();
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=60");
        assertThat(r.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(r.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(r.body().length);
        assertThat(new String(r.body(), 0, 38, java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    @Test
    void aMatchingIfNoneMatchGets304WithNoBody() throws Exception {
        String etag = server.get("/feed.xml").headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> r = server.get("/feed.xml", "If-None-Match", etag);
        assertThat(r.statusCode()).isEqualTo(304);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("ETag")).hasValue(etag);
        assertThat(server.get("/feed.xml", "If-None-Match", "\"stale\"").statusCode())
                .isEqualTo(200);
    }

    @Test
    void a304HasNoContentLength() throws Exception {
        // RFC 9110 8.6 allows only the 200's length on a 304, and "0" is wrong; like nginx, send none.
        for (String encoding : new String[] {"identity", "gzip"}) {
            String etag = server.get("/feed.xml", "Accept-Encoding", encoding)
                    .headers()
                    .firstValue("ETag")
                    .orElseThrow();
            HttpResponse<byte[]> r = server.get("/feed.xml", "Accept-Encoding", encoding, "If-None-Match", etag);
            assertThat(r.statusCode()).as(encoding).isEqualTo(304);
            assertThat(r.headers().firstValue("Content-Length")).as(encoding).isEmpty();
            assertThat(r.headers().firstValue("ETag")).as(encoding).hasValue(etag);
        }
    }

    @Test
    void ifModifiedSinceGets304UntilTheFeedChanges() throws Exception {
        String lastModified =
                server.get("/feed.xml").headers().firstValue("Last-Modified").orElseThrow();
        assertThat(server.get("/feed.xml", "If-Modified-Since", lastModified).statusCode())
                .isEqualTo(304);
        assertThat(server.get("/feed.xml", "If-Modified-Since", "Mon, 01 Jan 2024 00:00:00 GMT")
                        .statusCode())
                .isEqualTo(200);

        server.clock().advance(Duration.ofMinutes(5));
        server.publish("vbr-xing.mp3", "Third", server.clock().instant());
        HttpResponse<byte[]> changed = server.get("/feed.xml", "If-Modified-Since", lastModified);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(new String(changed.body())).contains("<title>Third</title>");
    }

    @Test
    void anEditShowsUpInTheFeedAtOnce() throws Exception {
        String etag = server.get("/feed.xml").headers().firstValue("ETag").orElseThrow();
        var first = server.app().episodes().findBySlug("first").orElseThrow();
        server.app().episodes().update(first.withTitle("First, renamed"));
        HttpResponse<byte[]> r = server.get("/feed.xml", "If-None-Match", etag);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new String(r.body())).contains("<title>First, renamed</title>");
    }

    @Test
    void pollsAfterAnotherInstancesWriteCauseOneRebuildAndNeverFail() throws Exception {
        String before = new String(server.get("/feed.xml").body(), StandardCharsets.UTF_8);
        java.util.concurrent.atomic.AtomicInteger rebuilds = new java.util.concurrent.atomic.AtomicInteger();
        server.app().publications().onRebuild((previous, next) -> rebuilds.incrementAndGet());
        try (Castkeeper other = Castkeeper.open(server.app().config(), java.time.Clock.systemUTC())) {
            var first = other.episodes().findBySlug("first").orElseThrow();
            other.episodes().update(first.withTitle("First, renamed elsewhere"));
        }
        server.clock().advance(Duration.ofSeconds(3));

        // A crowd of polls at once: each is answered at once, with the feed as it was or as it is now.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(50);
        try {
            List<java.util.concurrent.Future<HttpResponse<byte[]>>> polls = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                polls.add(pool.submit(() -> server.get("/feed.xml")));
            }
            for (var poll : polls) {
                HttpResponse<byte[]> r = poll.get(20, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(r.statusCode()).isEqualTo(200);
                String body = new String(r.body(), StandardCharsets.UTF_8);
                assertThat(body.equals(before) || body.contains("<title>First, renamed elsewhere</title>"))
                        .isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThatEventually(() -> assertThat(new String(server.get("/feed.xml").body(), StandardCharsets.UTF_8))
                .contains("<title>First, renamed elsewhere</title>"));
        assertThat(rebuilds.get())
                .as("rebuilds for one change, however many polls noticed it")
                .isEqualTo(1);
    }

    @Test
    void gzipWhenAcceptedWithItsOwnEtag() throws Exception {
        HttpResponse<byte[]> plain = server.get("/feed.xml");
        HttpResponse<byte[]> gzip = server.get("/feed.xml", "Accept-Encoding", "gzip, deflate");
        assertThat(gzip.statusCode()).isEqualTo(200);
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzip.body().length).isLessThan(plain.body().length);
        assertThat(FeedIT.gunzip(gzip.body())).isEqualTo(plain.body());
        String gzipEtag = gzip.headers().firstValue("ETag").orElseThrow();
        assertThat(gzipEtag)
                .isNotEqualTo(plain.headers().firstValue("ETag").orElseThrow())
                .endsWith("-gzip\"");
        assertThat(server.get("/feed.xml", "Accept-Encoding", "gzip", "If-None-Match", gzipEtag)
                        .statusCode())
                .isEqualTo(304);
    }

    @Test
    void headHasTheSameHeadersAndNoBody() throws Exception {
        HttpResponse<byte[]> get = server.get("/feed.xml");
        HttpResponse<byte[]> head = server.head("/feed.xml");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("ETag")).isEqualTo(get.headers().firstValue("ETag"));
        assertThat(head.headers().firstValue("Content-Type"))
                .isEqualTo(get.headers().firstValue("Content-Type"));
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(get.body().length);
        HttpResponse<byte[]> headGzip = server.head("/feed.xml", "Accept-Encoding", "gzip");
        assertThat(headGzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(headGzip.headers().firstValueAsLong("Content-Length"))
                .hasValue(server.get("/feed.xml", "Accept-Encoding", "gzip").body().length);
    }

    @Test
    void unknownPagesAre404() throws Exception {
        assertThat(server.get("/feed.xml?page=2").statusCode()).isEqualTo(404);
        assertThat(server.get("/feed.xml?page=zero").statusCode()).isEqualTo(404);
    }
}
