package org.castkeeper.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.media.MediaRequests;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every GET of an episode's audio answered with bytes is recorded, with the day's salted hashes and never the
 * address; HEAD, 304, 416, 404 and Castkeeper's own checks are not; the day's salt goes once the day is over; and
 * with the queue full the request is still served and the drop counted.
 */
class RequestRecordingIT {
    @TempDir
    Path dir;

    TestServer server;
    Episode episode;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir, "");
        episode = server.publish("cbr-id3v23.mp3", "Counted", TestServer.START.minus(Duration.ofDays(1)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answeredGetsAreRecordedAsHashesAndNothingElse() throws Exception {
        String media = "/media/" + episode.audio().path();
        HttpResponse<byte[]> whole = get("127.0.0.1", media, "Overcast/3.0");
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(get("127.0.0.1", media, "AppleCoreMedia/1.0 (iPhone)", "Range", "bytes=0-1023")
                        .statusCode())
                .isEqualTo(206);
        assertThat(get("127.0.0.2", media, "Overcast/3.0", "Range", "bytes=0-1023")
                        .statusCode())
                .isEqualTo(206);
        // Not downloads: Apple's two-byte probe, a HEAD, a 304, a 416, a 404, and Castkeeper checking its own media.
        assertThat(get("127.0.0.1", media, "AppleCoreMedia/1.0 (iPhone)", "Range", "bytes=0-1")
                        .statusCode())
                .isEqualTo(206);
        assertThat(get("127.0.0.1", media, "AppleCoreMedia/1.0 (iPhone)", "Range", "bytes=-2")
                        .statusCode())
                .isEqualTo(206);
        assertThat(send(
                                "127.0.0.1",
                                HttpRequest.newBuilder(uri(media))
                                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                        .build())
                        .statusCode())
                .isEqualTo(200);
        String etag = whole.headers().firstValue("ETag").orElseThrow();
        assertThat(get("127.0.0.1", media, "Overcast/3.0", "If-None-Match", etag)
                        .statusCode())
                .isEqualTo(304);
        assertThat(get("127.0.0.1", media, "Overcast/3.0", "Range", "bytes=99999999-")
                        .statusCode())
                .isEqualTo(416);
        assertThat(get("127.0.0.1", "/media/nothing.mp3", "Overcast/3.0").statusCode())
                .isEqualTo(404);
        assertThat(get("127.0.0.1", media, MediaRequests.OWN_CHECK_USER_AGENT).statusCode())
                .isEqualTo(200);

        log().write();

        List<String[]> rows = rows("SELECT listener, address, app, first_byte, last_byte, whole, status, day,"
                + " coalesce(user_agent, '') FROM media_request ORDER BY id");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith(rows.get(0)[0]).contains("Overcast", "0", "true", "200");
        assertThat(rows.get(1)[2]).isEqualTo("Apple Podcasts");
        assertThat(rows.get(1)[4]).isEqualTo("1023");
        // One address, two apps: two listeners, one household. Another address: another listener.
        assertThat(rows.get(0)[0]).isNotEqualTo(rows.get(1)[0]);
        assertThat(rows.get(0)[1]).isEqualTo(rows.get(1)[1]);
        assertThat(rows.get(2)[0]).isNotEqualTo(rows.get(0)[0]);
        for (String[] row : rows) {
            assertThat(String.join(" ", row)).doesNotContain("127.0.0");
        }
        assertThat(rows("SELECT day FROM analytics_salt")).hasSize(1);

        // The next day: its records get a new salt, and yesterday's is destroyed once its records are in.
        server.clock().advance(Duration.ofDays(1));
        get("127.0.0.1", media, "Overcast/3.0");
        log().write();
        List<String[]> salts = rows("SELECT day FROM analytics_salt");
        assertThat(salts).hasSize(1);
        assertThat(salts.get(0)[0])
                .isEqualTo(server.clock().instant().toString().substring(0, 10));
        List<String[]> all = rows("SELECT listener FROM media_request ORDER BY id");
        assertThat(all.get(3)[0]).as("the same listener, another day").isNotEqualTo(all.get(0)[0]);
    }

    @Test
    void statsCountsTheRecordedRequestsAsTheGuidelinesDo() throws Exception {
        String media = "/media/" + episode.audio().path();
        // The fixture is 3 s long: a minute of it is the whole file. Two listeners fetch it whole (one in two
        // overlapping chunks), Apple probes two bytes, a bot fetches it whole: 2 downloads.
        get("127.0.0.1", media, "Overcast/3.0");
        get("127.0.0.2", media, "Pocket Casts", "Range", "bytes=0-20000");
        get("127.0.0.2", media, "Pocket Casts", "Range", "bytes=15000-");
        get("127.0.0.3", media, "AppleCoreMedia/1.0 (iPhone)", "Range", "bytes=0-1");
        get("127.0.0.4", media, "Googlebot/2.1 (+http://www.google.com/bot.html)");
        log().write();

        java.io.StringWriter out = new java.io.StringWriter();
        int code = org.castkeeper.cli.Main.run(
                new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(new java.io.StringWriter(), true),
                "stats",
                "--json",
                "--config",
                server.app().config().source().toString());
        assertThat(code).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertThat(json).hasSize(1);
        assertThat(json.get(0).get("slug").asText()).isEqualTo(episode.slug());
        assertThat(json.get(0).get("downloads").asInt()).isEqualTo(2);
        // Published the day before, so these are in its first 7 and 30 days; but counting began after it went out.
        assertThat(json.get(0).get("downloadsFirst7Days").asInt()).isEqualTo(2);
        assertThat(json.get(0).get("downloadsFirst30Days").asInt()).isEqualTo(2);
        assertThat(json.get(0).get("partial").asBoolean()).isTrue();
    }

    @Test
    void withAnalyticsOffNothingIsRecordedAndThePrivacyNoteSaysWhichIsTrue() throws Exception {
        try (TestServer off = TestServer.startWithFeedSettings(dir.resolve("off"), "analytics:\n  enabled: false\n")) {
            Episode e = off.publish("cbr-id3v23.mp3", "Not counted", TestServer.START.minus(Duration.ofDays(1)));
            assertThat(off.get("/media/" + e.audio().path()).statusCode()).isEqualTo(200);
            assertThat(off.app().mediaRequests()).isSameAs(MediaRequests.NONE);
            assertThat(new String(off.get("/privacy").body())).contains("Downloads are not counted");
        }
        assertThat(new String(server.get("/privacy").body()))
                .contains("Your address is never kept")
                .contains("destroyed when the day is over")
                .contains("No cookies");
    }

    @Test
    void aFullQueueDropsTheRecordNeverTheRequest() {
        try (RequestLog small = new RequestLog(server.app().database().dsl(), server.clock(), 1, Duration.ofHours(1))) {
            for (int i = 0; i < 3; i++) {
                small.served(new MediaRequests.Served(
                        episode.id(), Instant.now(), "127.0.0.9", "Overcast/3.0", null, 0, 9, false, 206, 100));
            }
            assertThat(small.dropped()).isEqualTo(2);
            small.write();
            assertThat(small.written()).isEqualTo(1);
        }
    }

    private RequestLog log() {
        return (RequestLog) server.app().mediaRequests();
    }

    private List<String[]> rows(String sql) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(
                        "jdbc:sqlite:" + server.dir().resolve("data/castkeeper.db"));
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                String[] row = new String[n];
                for (int i = 0; i < n; i++) {
                    row[i] = r.getString(i + 1);
                    if ("1".equals(row[i])
                            && r.getMetaData().getColumnName(i + 1).equals("whole")) {
                        row[i] = "true";
                    }
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private URI uri(String path) {
        return URI.create(server.url(path));
    }

    private HttpResponse<byte[]> get(String from, String path, String agent, String... headers) throws Exception {
        return Traffic.get(from, server.url(path), agent, headers);
    }

    private static HttpResponse<byte[]> send(String from, HttpRequest request) throws Exception {
        return Traffic.send(from, request);
    }
}
