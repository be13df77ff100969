package org.castkeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feed and the media keep answering whatever clients do to the other routes: a "slow POST" attack on the
 * sign-in form, hundreds of connections strong, must not take a single poll or download offline.
 */
class AvailabilityIT {
    /** More than the server has worker threads, so that without route limits every worker would be held. */
    private static final int SLOW_CLIENTS = 300;

    @TempDir
    Path dir;

    TestServer server;
    Episode live;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir, "");
        live = server.publish("cbr-id3v23.mp3", "Live", TestServer.START.minus(Duration.ofHours(1)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void feedMediaAndHealthAnswerWhileHundredsOfSlowClientsTrickleTheSignInForm() throws Exception {
        List<Socket> slow = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = new Socket("127.0.0.1", port());
                socket.setSoTimeout(1);
                // With a CSRF cookie, so that the sign-in form's guard must read the body to compare tokens.
                socket.getOutputStream()
                        .write(("POST /admin/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                        + "Cookie: ck_csrf=" + "c".repeat(43) + "\r\n"
                                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nu")
                                .getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            // One more byte every two seconds on each connection: far below 1 KiB/s, never quite silent.
            trickle.scheduleWithFixedDelay(
                    () -> {
                        for (Socket socket : slow) {
                            try {
                                OutputStream out = socket.getOutputStream();
                                out.write('x');
                                out.flush();
                            } catch (IOException cut) {
                                // The server has cut this one, as it should.
                            }
                        }
                    },
                    2,
                    2,
                    TimeUnit.SECONDS);

            String etag = null;
            for (int round = 0; round < 20; round++) {
                // Past the change-stamp check each round: the old code sent such a poll to a worker thread.
                server.clock().advance(Duration.ofSeconds(3));
                HttpResponse<byte[]> feed = freshGet("/feed.xml", etag);
                assertThat(feed.statusCode()).as("feed, round %d", round).isIn(200, 304);
                etag = feed.headers().firstValue("ETag").orElse(etag);
                HttpResponse<byte[]> media = freshGet("/media/" + live.audio().path(), null, "Range", "bytes=0-1023");
                assertThat(media.statusCode()).as("media, round %d", round).isEqualTo(206);
                assertThat(media.body()).hasSize(1024);
                assertThat(freshGet("/health", null).statusCode())
                        .as("health, round %d", round)
                        .isEqualTo(200);
            }

            // Every trickling connection is ended by the server: cut for its rate after the grace, or, while
            // waiting its turn, refused once it has waited too long. None is left holding anything.
            java.util.Set<Socket> ended = new java.util.HashSet<>();
            // Those still waiting for a turn are refused after RouteLimits.MAX_WAIT, so allow twice that.
            org.awaitility.Awaitility.await()
                    .atMost(RouteLimits.MAX_WAIT.multipliedBy(2))
                    .untilAsserted(() -> {
                        for (Socket socket : slow) {
                            if (!ended.contains(socket) && endedByServer(socket)) {
                                ended.add(socket);
                            }
                        }
                        assertThat(ended).as("connections the server has ended").hasSize(SLOW_CLIENTS);
                    });
        } finally {
            trickle.shutdownNow();
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void theHostSignsInOnAKnownDeviceAndPublishesWhileHundredsOfSlowClientsFromManyAddressesHoldTheForm()
            throws Exception {
        // The host signed in on this device before: it holds a device cookie, and then its session ends.
        org.castkeeper.testing.AdminClient host = new org.castkeeper.testing.AdminClient(server).signedIn();
        host.forgetCookiesExcept("ck_device");
        Episode draft = server.publish("untagged.mp3", "Written during the attack", null);

        List<Socket> slow = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try {
            // 30 addresses, 10 connections each: every address over its share, together far more than the
            // anonymous admin's capacity.
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = new Socket();
                socket.bind(new java.net.InetSocketAddress("127.0.0." + (2 + i % 30), 0));
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", port()));
                socket.setSoTimeout(1);
                socket.getOutputStream()
                        .write(("POST /admin/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                        + "Cookie: ck_csrf=" + "c".repeat(43) + "\r\n"
                                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nu")
                                .getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            trickle.scheduleWithFixedDelay(
                    () -> {
                        for (Socket socket : slow) {
                            try {
                                socket.getOutputStream().write('x');
                            } catch (IOException cut) {
                                // Cut by the server, as it should be.
                            }
                        }
                    },
                    2,
                    2,
                    TimeUnit.SECONDS);

            // An anonymous visitor waits behind the attackers (or is refused); the host does not.
            HttpResponse<String> signIn = host.signIn("dominion", "correct horse battery");
            assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(303);
            host.get("/admin/episodes/" + draft.id()); // the editor, as the host opens it before publishing
            HttpResponse<String> publish =
                    host.postForm("/admin/episodes/" + draft.id() + "/publish", java.util.Map.of());
            assertThat(publish.statusCode()).as(publish.body()).isEqualTo(303);
            assertThat(server.app()
                            .episodes()
                            .findById(draft.id())
                            .orElseThrow()
                            .isLive(server.clock().instant()))
                    .isTrue();
            assertThat(freshGet("/feed.xml", null).statusCode()).isEqualTo(200);
        } finally {
            trickle.shutdownNow();
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    /** True when the server has answered (a 4xx or 503), closed or reset the connection. */
    private static boolean endedByServer(Socket socket) {
        try {
            int first = socket.getInputStream().read();
            assertThat(first)
                    .as("the start of an answer, or the end of the stream")
                    .isIn(-1, (int) 'H');
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private int port() {
        return URI.create(server.url("/")).getPort();
    }

    /** A GET on a new connection, as thousands of separate podcatchers would send it. */
    private HttpResponse<byte[]> freshGet(String path, String etag, String... headers) throws Exception {
        try (HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(10));
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }
}
