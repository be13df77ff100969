package org.castkeeper.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.castkeeper.testing.Eventually.assertThatEventually;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.castkeeper.auth.LoginThrottle;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.testing.AdminClient;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headers, client addresses behind a proxy, bad input and a database outage, over real HTTP. */
class HardeningIT {
    @TempDir
    Path dir;

    TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Episode startWithOneEpisode(String extraServerYaml) throws Exception {
        server = TestServer.startEditing(
                dir,
                yaml -> yaml.replace(
                        "  publicUrl: http://localhost:8080\n",
                        "  publicUrl: http://localhost:8080\n" + extraServerYaml));
        return server.publish("cbr-id3v23.mp3", "Live", TestServer.START.minus(Duration.ofHours(1)));
    }

    @Test
    void feedAndMediaAreNeverSniffedAndMediaTypesComeFromTheCatalogue() throws Exception {
        Episode live = startWithOneEpisode("");
        for (String path : new String[] {"/feed.xml", "/media/" + live.audio().path(), "/health"}) {
            HttpResponse<byte[]> r = server.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
        }
        assertThat(server.get("/media/" + live.audio().path()).headers().firstValue("Content-Type"))
                .hasValue(live.audio().mimeType());
    }

    @Test
    void jettysOwnErrorsCarryTheSameHeaders() throws Exception {
        startWithOneEpisode("");
        String tooLarge = "GET /feed.xml HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(20_000) + "\r\n\r\n";
        String malformed = "GET /feed.xml HTTP/1.1\r\nHost: localhost\r\nContent-Length: many\r\n\r\n";
        for (String request : new String[] {tooLarge, malformed}) {
            String head = rawHead(request);
            assertThat(head).matches("(?s)HTTP/1\\.1 4(00|31) .*");
            assertThat(head.toLowerCase(java.util.Locale.ROOT))
                    .contains("x-content-type-options: nosniff")
                    .contains("referrer-policy: strict-origin-when-cross-origin");
        }
    }

    @Test
    void headersTrickledAByteAtATimeDoNotHoldAConnection() throws Exception {
        startWithOneEpisode("  headerSeconds: 2\n");
        int port = java.net.URI.create(server.url("/")).getPort();
        boolean closed = false;
        try (java.net.Socket slow = new java.net.Socket("127.0.0.1", port)) {
            slow.setSoTimeout(100);
            java.io.OutputStream out = slow.getOutputStream();
            out.write("GET /feed.xml HTTP/1.1\r\nHost: localhost\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            // A byte every 100 ms or so keeps Jetty's idle timeout from ever firing; only the deadline ends it.
            long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!closed && System.nanoTime() < giveUp) {
                try {
                    out.write('a');
                    out.flush();
                    closed = slow.getInputStream().read() == -1;
                } catch (java.net.SocketTimeoutException nothingYet) {
                    // Still open, still trickling.
                } catch (java.io.IOException reset) {
                    closed = true;
                }
            }
        }
        assertThat(closed).as("closed by the header deadline").isTrue();
        // The feed still answers: a request whose headers come at once is never cut.
        assertThat(server.get("/feed.xml").statusCode()).isEqualTo(200);
    }

    /** Sends {@code request} as it is and returns the response's status line and headers. */
    private String rawHead(String request) throws Exception {
        int port = java.net.URI.create(server.url("/")).getPort();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
            java.io.InputStream in = socket.getInputStream();
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    break;
                }
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void forwardedForIsIgnoredFromAnUntrustedPeer() throws Exception {
        startWithOneEpisode("");
        server.app().accounts().create("dominion", "correct horse battery");
        AdminClient client = new AdminClient(server);
        for (int i = 0; i < LoginThrottle.MAX_PER_ACCOUNT_AND_ADDRESS; i++) {
            assertThat(signInVia(client, "198.51.100." + i, "guess " + i)).isEqualTo(401);
        }
        // Each "address" was the client's own claim: the real one, 127.0.0.1, has used up its five guesses.
        assertThat(signInVia(client, "198.51.100.77", "correct horse battery")).isEqualTo(429);
    }

    @Test
    void forwardedForIsHonouredFromATrustedProxy() throws Exception {
        startWithOneEpisode("  trustedProxies: [127.0.0.1]\n");
        server.app().accounts().create("dominion", "correct horse battery");
        AdminClient client = new AdminClient(server);
        for (int i = 0; i < LoginThrottle.MAX_PER_ACCOUNT_AND_ADDRESS; i++) {
            assertThat(signInVia(client, "198.51.100.1", "guess " + i)).isEqualTo(401);
        }
        assertThat(signInVia(client, "198.51.100.1", "correct horse battery")).isEqualTo(429);
        // Another listener behind the same proxy is another address. The left-most entry is the client's own
        // claim and is not believed: the proxy appended the address it saw.
        assertThat(signInVia(client, "198.51.100.1, 203.0.113.9", "correct horse battery"))
                .isEqualTo(303);
    }

    private static int signInVia(AdminClient client, String forwardedFor, String password) throws Exception {
        client.get("/admin/login");
        String body = "_csrf=" + client.csrf() + "&username=dominion&password="
                + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8);
        return client.rawWithHeaders(
                        "POST",
                        "/admin/login",
                        body,
                        "Content-Type",
                        "application/x-www-form-urlencoded",
                        "X-Forwarded-For",
                        forwardedFor)
                .statusCode();
    }

    @Test
    void malformedFormsAndDatesAreTheClientsMistakeNotAServerError() throws Exception {
        Episode live = startWithOneEpisode("");
        AdminClient host = new AdminClient(server).signedIn();
        String page = "/admin/episodes/" + live.id();
        host.get(page);
        HttpResponse<String> brokenMultipart = host.rawWithHeaders(
                "POST",
                page + "/artwork",
                "--nope\r\nContent-Disposition: form-data; name=\"artwork\"; filename=\"a.jpg\"\r\n\r\nnever ends",
                "Content-Type",
                "multipart/form-data; boundary=castkeeper",
                "X-CSRF-Token",
                host.csrf());
        assertThat(brokenMultipart.statusCode()).isBetween(400, 499);
        // What is left of an unreadable body is unknown: the connection is not used again.
        assertThat(brokenMultipart.headers().firstValue("Connection")).hasValue("close");
        for (Map<String, String> when : new Map[] {
            Map.of("date", "2026-02-30", "time", "07:00"),
            Map.of("date", "+999999999-12-31", "time", "07:00"),
            Map.of("date", "tomorrow", "time", "25:99")
        }) {
            HttpResponse<String> r = host.postForm(page + "/schedule", when);
            assertThat(r.statusCode()).as("%s", when).isBetween(400, 499);
        }
        HttpResponse<String> oversized = host.postForm(page, Map.of("title", "x".repeat(2 * 1024 * 1024)));
        assertThat(oversized.statusCode()).as("a form over 1 MiB").isEqualTo(413);
        assertThat(server.app().episodes().findById(live.id()).orElseThrow().title())
                .isEqualTo("Live");
        HttpResponse<String> wrongType = host.rawWithHeaders(
                "POST", page + "/transcript", "just text", "Content-Type", "text/plain", "X-CSRF-Token", host.csrf());
        assertThat(wrongType.statusCode()).isBetween(400, 499);
        assertThat(server.app().episodes().findById(live.id()).orElseThrow().publishAt())
                .isEqualTo(live.publishAt());
    }

    @Test
    void whileTheDatabaseIsAwayTheLastGoodFeedAndMediaAreServedAndHealthSaysSo() throws Exception {
        Episode live = startWithOneEpisode("");
        HttpResponse<byte[]> before = server.get("/feed.xml");
        assertThat(server.get("/health").statusCode()).isEqualTo(200);

        server.app().database().close();
        server.clock().advance(Duration.ofMinutes(1));

        assertThatEventually(
                () -> assertThat(server.get("/health").statusCode()).isEqualTo(503));
        assertThat(new String(server.get("/health").body(), StandardCharsets.UTF_8))
                .contains("database");
        for (int poll = 0; poll < 5; poll++) {
            server.clock().advance(Duration.ofSeconds(3));
            HttpResponse<byte[]> feed = server.get("/feed.xml");
            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(feed.body()).isEqualTo(before.body());
            assertThat(server.get("/media/" + live.audio().path(), "Range", "bytes=0-99")
                            .statusCode())
                    .isEqualTo(206);
        }
    }

    @Test
    void aServerWithoutABuiltFeedIsNotHealthy() throws Exception {
        startWithOneEpisode("");
        HttpResponse<byte[]> health = server.get("/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(new String(health.body(), StandardCharsets.UTF_8)).contains("feed");
        server.get("/feed.xml");
        assertThat(server.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void forwardedAddressesAreIpLiteralsNeverHostNames() {
        assertThat(ClientAddress.literal("203.0.113.9")).isNotNull();
        assertThat(ClientAddress.literal("[2001:db8::1]:4711")).isNotNull();
        assertThat(ClientAddress.literal("203.0.113.9:4711")).isNotNull();
        assertThat(ClientAddress.literal("evil.example.org")).isNull();
        assertThat(ClientAddress.literal("unknown")).isNull();
    }
}
