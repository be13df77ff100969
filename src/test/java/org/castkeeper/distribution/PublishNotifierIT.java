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
import org.castkeeper.episodes.EpisodeLifecycle;
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
            podpings.add(exchange.getRequestURI().getQuery() + " auth="
                    + exchange.getRequestHeaders().getFirst("Authorization"));
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
        return TestServer.startWithFeedSettings(
                dir,
                "notifications:\n"
                        + "  websubHubs:\n    - " + (hub != null ? hub : base + "/hub") + "\n"
                        + "  podping:\n    endpoint: " + base + "/podping\n    token: secret-token\n"
                        + "  firstRetryMillis: 20\n");
    }

    private static void eventually(org.assertj.core.api.ThrowingConsumer<Void> assertion) {
        org.castkeeper.testing.Eventually.assertThatEventually(() -> assertion.accept(null));
    }

    /** The host presses Publish in the admin. */
    private Episode publishNow(TestServer s, String title) throws Exception {
        Episode draft = s.publish("cbr-id3v23.mp3", title, null);
        return s.app().lifecycle().publishNow(draft, null, EpisodeLifecycle.Republish.KEEP_FIRST_DATE, "dominion");
    }

    @Test
    void publishingNotifiesHubsAndPodpingWithRetries() throws Exception {
        server = start(null);
        assertThat(new String(server.get("/feed.xml").body(), StandardCharsets.UTF_8))
                .contains("<atom:link href=\"http://127.0.0.1:"
                        + stubs.getAddress().getPort() + "/hub\" rel=\"hub\" />");
        publishNow(server, "New episode");
        eventually(v -> assertThat(hubBodies)
                .containsExactly("hub.mode=publish&hub.url=http%3A%2F%2Flocalhost%3A8080%2Ffeed.xml"));
        eventually(v -> assertThat(podpings).hasSize(3));
        assertThat(podpings)
                .allSatisfy(p -> assertThat(p)
                        .isEqualTo(
                                "url=http://localhost:8080/feed.xml&reason=update&medium=podcast auth=secret-token"));
    }

    @Test
    void aScheduledEpisodeNotifiesWhenItsTimeComes() throws Exception {
        server = start(null);
        podpingFailuresLeft.set(0);
        server.get("/feed.xml");
        java.util.List<String> wentLive = new java.util.concurrent.CopyOnWriteArrayList<>();
        server.app().lifecycle().events().subscribe(event -> {
            if (event instanceof org.castkeeper.episodes.EpisodeEvents.WentLive live) {
                wentLive.add(live.episode().title());
            }
        });
        Episode e = server.publish("cbr-id3v23.mp3", "Scheduled", null);
        server.app().lifecycle().schedule(e, null, TestServer.START.plus(Duration.ofHours(1)), "dominion");
        server.clock().advance(Duration.ofMinutes(59));
        server.app().lifecycle().goLiveTimer().checkNow();
        assertThat(wentLive).as("not before its time").isEmpty();
        server.clock().advance(Duration.ofMinutes(1));
        server.app().lifecycle().goLiveTimer().checkNow();
        server.app().lifecycle().goLiveTimer().checkNow();
        assertThat(wentLive).as("once, at its time").containsExactly("Scheduled");
        eventually(v -> assertThat(hubBodies).hasSize(1));
        eventually(v -> assertThat(podpings).hasSize(1));
    }

    @Test
    void ofTwoInstancesOnOneDatabaseOnlyOneNotifies() throws Exception {
        server = start(null);
        podpingFailuresLeft.set(0);
        try (TestServer other = TestServer.start(server.app().config(), dir)) {
            server.app().publications().current();
            other.app().publications().current();
            Episode once = publishNow(server, "Once only");
            eventually(v -> assertThat(hubBodies).hasSize(1));

            // A scheduled episode goes live on both instances' timers: only the first claim announces it.
            Episode later = server.publish("untagged.mp3", "Later", null);
            server.app().lifecycle().schedule(later, null, TestServer.START.plus(Duration.ofMinutes(5)), "dominion");
            server.clock().advance(Duration.ofMinutes(5));
            other.clock().advance(Duration.ofMinutes(5));
            other.app().lifecycle().goLiveTimer().checkNow();
            server.app().lifecycle().goLiveTimer().checkNow();
            eventually(v -> assertThat(hubBodies).hasSize(2));
            eventually(v -> assertThat(podpings).hasSize(2));

            // Unpublished and published again as new, at a new time: a new announcement, still only one.
            Episode e = server.app().episodes().findById(once.id()).orElseThrow();
            e = server.app().lifecycle().unpublish(e, null, "dominion");
            server.clock().advance(Duration.ofMinutes(1));
            server.app().lifecycle().publishNow(e, null, EpisodeLifecycle.Republish.AS_NEW_NOW, "dominion");
            eventually(v -> assertThat(hubBodies).hasSize(3));
        }
    }

    @Test
    void anUnreachableHubNeverHoldsUpPublishing() throws Exception {
        server = start("http://127.0.0.1:1/hub");
        podpingFailuresLeft.set(0);
        server.get("/feed.xml");
        publishNow(server, "Still published");
        var feed = server.get("/feed.xml");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(new String(feed.body(), StandardCharsets.UTF_8)).contains("<title>Still published</title>");
        eventually(v -> assertThat(podpings).hasSize(1));
    }

    @Test
    void importingABackCataloguePublishedTellsNobody() throws Exception {
        server = start(null);
        java.util.List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        server.app()
                .lifecycle()
                .events()
                .subscribe(event -> events.add(event.getClass().getSimpleName()));
        java.nio.file.Path dropped = server.app().config().episodesDir().resolve("old-episode.mp3");
        java.nio.file.Files.copy(org.castkeeper.testing.Fixtures.mp3("cbr-id3v23.mp3"), dropped);

        var result = server.app().importer().importFile(dropped, true, n -> {});

        assertThat(result.episode().state()).isEqualTo(EpisodeState.PUBLISHED);
        // Told synchronously: the episode was made, and nothing went live as far as hubs are concerned.
        assertThat(events).containsExactly("Changed");
    }
}
