package org.castkeeper.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.EpisodeState;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WebSub and podping, against stub servers on 127.0.0.1. */
class PublishNotifierIT {
    @TempDir
    Path dir;
    HttpServer stubs;
    TestServer server;
    final List<String> hubBodies = new CopyOnWriteArrayList<>();
    final List<String> podpings = new CopyOnWriteArrayList<>();
    final AtomicInteger podpingFailuresLeft = new AtomicInteger(2);

    @BeforeEach
    void stubs() throws Exception {
        stubs = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stubs.createContext("/hub", exchange -> {
            hubBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        stubs.createContext("/podping", exchange -> {
            podpings.add(exchange.getRequestURI().getQuery() + " auth=" + exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(podpingFailuresLeft.getAndDecrement() > 0 ? 500 : 200, -1);
            exchange.close();
        });
        stubs.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        stubs.stop(0);
    }

    private TestServer start(String hub) throws Exception {
        String base = "http://127.0.0.1:" + stubs.getAddress().getPort();
        return TestServer.startWithFeedSettings(dir, "notifications:\n"
                + "  websubHubs:\n    - " + (hub != null ? hub : base + "/hub") + "\n"
                + "  podping:\n    endpoint: " + base + "/podping\n    token: secret-token\n"
                + "  firstRetryMillis: 20\n");
    }

    private static void eventually(Runnable assertion) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    @Test
    void publishingNotifiesHubsAndPodpingWithRetries() throws Exception {
        server = start(null);
        assertThat(new String(server.get("/feed.xml").body(), StandardCharsets.UTF_8))
                .contains("<atom:link href=\"http://127.0.0.1:" + stubs.getAddress().getPort() + "/hub\" rel=\"hub\" />");
        server.publish("cbr-id3v23.mp3", "New episode", TestServer.START.minus(Duration.ofMinutes(1)));
        server.get("/feed.xml");
        eventually(() -> assertThat(hubBodies).containsExactly(
                "hub.mode=publish&hub.url=http%3A%2F%2Flocalhost%3A8080%2Ffeed.xml"));
        eventually(() -> assertThat(podpings).hasSize(3));
        assertThat(podpings).allSatisfy(p -> assertThat(p)
                .isEqualTo("url=http://localhost:8080/feed.xml&reason=update&medium=podcast auth=secret-token"));
    }

    @Test
    void aScheduledEpisodeNotifiesWhenItsTimeComes() throws Exception {
        server = start(null);
        podpingFailuresLeft.set(0);
        server.get("/feed.xml");
        Episode e = server.publish("cbr-id3v23.mp3", "Scheduled", null);
        server.app().episodes().update(e.withState(EpisodeState.SCHEDULED, TestServer.START.plus(Duration.ofHours(1))));
        server.get("/feed.xml");
        Thread.sleep(200);
        assertThat(hubBodies).isEmpty();
        server.clock().advance(Duration.ofHours(1));
        server.app().publications().current();
        eventually(() -> assertThat(hubBodies).hasSize(1));
        eventually(() -> assertThat(podpings).hasSize(1));
    }

    @Test
    void ofTwoInstancesOnOneDatabaseOnlyOneNotifies() throws Exception {
        server = start(null);
        podpingFailuresLeft.set(0);
        try (TestServer other = TestServer.start(server.app().config(), dir)) {
            server.app().publications().current();
            other.app().publications().current();
            server.publish("cbr-id3v23.mp3", "Once only", TestServer.START.minus(Duration.ofMinutes(1)));
            server.app().publications().current();
            eventually(() -> assertThat(hubBodies).hasSize(1));

            // The other instance notices the write at its next change-stamp check and sees the episode go live too.
            other.clock().advance(Duration.ofSeconds(3));
            assertThat(other.app().publications().current().live()).extracting(Episode::title)
                    .containsExactly("Once only");
            Thread.sleep(500);
            assertThat(hubBodies).hasSize(1);
            assertThat(podpings).hasSize(1);

            // Unpublished and published again at a new time: a new announcement, still only one.
            Episode e = server.app().episodes().all().get(0);
            server.app().episodes().update(e.withState(EpisodeState.DRAFT, null));
            server.app().publications().current();
            server.app().episodes().update(e.withState(EpisodeState.PUBLISHED, TestServer.START));
            server.app().publications().current();
            eventually(() -> assertThat(hubBodies).hasSize(2));
        }
    }

    @Test
    void anUnreachableHubNeverHoldsUpPublishing() throws Exception {
        server = start("http://127.0.0.1:1/hub");
        podpingFailuresLeft.set(0);
        server.get("/feed.xml");
        server.publish("cbr-id3v23.mp3", "Still published", TestServer.START.minus(Duration.ofMinutes(1)));
        var feed = server.get("/feed.xml");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(new String(feed.body(), StandardCharsets.UTF_8)).contains("<title>Still published</title>");
        eventually(() -> assertThat(podpings).hasSize(1));
    }
}
