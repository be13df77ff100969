package org.castkeeper.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.cli.Main;
import org.castkeeper.config.ConfigLoader;
import org.castkeeper.testing.AdminClient;
import org.castkeeper.testing.Fixtures;
import org.castkeeper.testing.LongMp3;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A day of real traffic replayed from several loopback addresses and apps, counted as the IAB guidelines v2.2
 * count it: the expected numbers are worked out by hand below, request by request. Then the next day, the day
 * counted and kept, a restart, and the raw records forgotten after keepRawDays: the numbers never change.
 */
class ListenerAnalyticsIT {
    static final String POCKET_CASTS = "Pocket Casts";
    static final String ANTENNAPOD = "AntennaPod/3.4.0";
    static final String IPHONE = "AppleCoreMedia/1.0.0.21E236 (iPhone; U; CPU OS 17_4 like Mac OS X; en_us)";
    static final String WATCH = "AppleCoreMedia/1.0.0.21T216 (Apple Watch; U; CPU OS 10_4 like Mac OS X; en_us)";
    static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
    static final String CHROME =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36";
    static final String OVERCAST = "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)";

    @TempDir
    Path dir;

    TestServer server;
    Episode tenMinutes;
    Episode short3s;

    @BeforeEach
    void start() throws Exception {
        Path mmdb = dir.resolve("countries.mmdb");
        makeCountryDatabase(mmdb, "127.0.0.2/32=DE", "127.0.0.4/32=US");
        server = TestServer.startWithFeedSettings(
                dir.resolve("show"), "analytics:\n  geoip: " + mmdb + "\n  keepRawDays: 30\n");
        Path longFile = dir.resolve("ten-minutes.mp3");
        LongMp3.write(longFile, "Ten minutes", 600);
        tenMinutes = server.publishFile(longFile, "Ten minutes", TestServer.START.minus(Duration.ofDays(1)));
        short3s = server.publish("cbr-id3v23.mp3", "Three seconds", TestServer.START.minus(Duration.ofDays(1)));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aDayOfTrafficIsCountedAsTheGuidelinesCountIt() throws Exception {
        String a = server.url("/media/" + tenMinutes.audio().path());
        String b = server.url("/media/" + short3s.audio().path());
        long size = tenMinutes.audio().sizeBytes();
        // One minute of the ten-minute episode, as the guidelines measure it: size × 60 / duration.
        long minute = size * 60 / tenMinutes.audio().durationSeconds();
        long half = minute / 2;
        assertThat(tenMinutes.audio().durationSeconds()).isBetween(600, 610);

        // Pocket Casts at 127.0.0.2 fetches in chunks, re-fetching the first: the union reaches a minute. 1.
        assertThat(Traffic.range("127.0.0.2", a, POCKET_CASTS, "0-" + (half - 1))
                        .statusCode())
                .isEqualTo(206);
        Traffic.range("127.0.0.2", a, POCKET_CASTS, "0-" + (half - 1));
        Traffic.range("127.0.0.2", a, POCKET_CASTS, (half - 1000) + "-" + (minute + 5000));
        // AntennaPod at 127.0.0.3 fetches the same half minute three times: 1.5 minutes asked, half covered. 0.
        for (int i = 0; i < 3; i++) {
            Traffic.range("127.0.0.3", a, ANTENNAPOD, "0-" + half);
        }
        // Apple at 127.0.0.4: the two-byte probe, then the whole file. 1. The Apple Watch beside it repeats it. 0.
        Traffic.range("127.0.0.4", a, IPHONE, "0-1");
        assertThat(Traffic.get("127.0.0.4", a, IPHONE).statusCode()).isEqualTo(200);
        Traffic.get("127.0.0.4", a, WATCH);
        // A bot fetches everything. 0.
        Traffic.get("127.0.0.5", a, GOOGLEBOT);
        // A browser seeks: a quarter minute at the start, then a minute and a quarter in the middle. 1.
        Traffic.range("127.0.0.6", a, CHROME, "0-" + (minute / 4));
        Traffic.range("127.0.0.6", a, CHROME, (size / 2) + "-" + (size / 2 + minute / 2));
        Traffic.range("127.0.0.6", a, CHROME, (size / 2 + minute / 2) + "-" + (size / 2 + minute));
        // The three-second episode: sent whole to Overcast at 127.0.0.7 (1); half of it at 127.0.0.8 (0).
        Traffic.get("127.0.0.7", b, OVERCAST);
        Traffic.range("127.0.0.8", b, OVERCAST, "0-" + short3s.audio().sizeBytes() / 2);
        // Pocket Casts at 127.0.0.2 again the same day, the whole file: the same download. 0 more.
        Traffic.get("127.0.0.2", a, POCKET_CASTS);
        // Two aggregators report subscribers when they poll the feed; Feedly twice, the latest counts.
        Traffic.get(
                "127.0.0.9",
                server.url("/feed.xml"),
                "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 1,234 subscribers; )");
        Traffic.get("127.0.0.9", server.url("/feed.xml"), "Feedbin feed-id:42 - 7 subscribers");
        server.clock().advance(Duration.ofMinutes(1));
        Traffic.get(
                "127.0.0.9",
                server.url("/feed.xml"),
                "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 1,240 subscribers; )");
        log().write();

        // Day one: the ten-minute episode 3 (Pocket Casts, Apple, the browser), the short one 1 (Overcast).
        assertThat(downloads()).containsEntry(tenMinutes.slug(), 3).containsEntry(short3s.slug(), 1);

        // The next day Pocket Casts at 127.0.0.2 fetches it whole again: a new day, a new download.
        server.clock().advance(Duration.ofDays(1));
        Traffic.get("127.0.0.2", a, POCKET_CASTS);
        log().write();
        assertThat(downloads()).containsEntry(tenMinutes.slug(), 4).containsEntry(short3s.slug(), 1);

        // Day one is over: counted once and kept; the numbers do not move.
        assertThat(log().countFinishedDays()).isEqualTo(1);
        assertThat(log().countFinishedDays()).isZero();
        assertThat(downloads()).containsEntry(tenMinutes.slug(), 4).containsEntry(short3s.slug(), 1);

        Stats.Report report = server.app().stats().report(7, null);
        assertThat(report.days().subList(5, 7)).extracting(Stats.Day::downloads).containsExactly(4, 1);
        assertThat(report.apps())
                .containsExactly(
                        new Stats.Share("Pocket Casts", 2),
                        new Stats.Share("Apple Podcasts", 1),
                        new Stats.Share("Browser", 1),
                        new Stats.Share("Overcast", 1));
        assertThat(report.countries()).containsExactly(new Stats.Share("DE", 2), new Stats.Share("US", 1));
        assertThat(report.subscribers())
                .extracting(Stats.Subscribers::aggregator, Stats.Subscribers::subscribers)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Feedly", 1240),
                        org.assertj.core.groups.Tuple.tuple("Feedbin", 7));

        // The dashboard shows the same, and its CSV has each episode per day.
        AdminClient admin = new AdminClient(server).signedIn();
        String page = admin.get("/admin/stats?days=7").body();
        assertThat(page)
                .contains("id=\"window-total\">5<")
                .contains("Pocket Casts")
                .contains("Germany")
                .contains("United States")
                .contains("Feedly")
                .contains("1,240")
                .contains("Spotify re-hosts the audio")
                .as("published the day before counting began: no figures for its first days, not zeros")
                .contains("No data before 23 Nov 2026.")
                .contains("<svg class=\"chart\"");
        String csv = admin.get("/admin/stats.csv?days=7").body();
        assertThat(csv.lines().toList())
                .containsExactly(
                        "day,episode,title,downloads",
                        "2026-11-23," + tenMinutes.slug() + ",Ten minutes,3",
                        "2026-11-23," + short3s.slug() + ",Three seconds,1",
                        "2026-11-24," + tenMinutes.slug() + ",Ten minutes,1");

        // The privacy note says what is kept, for how long, and that countries are looked up.
        assertThat(new String(server.get("/privacy").body()))
                .contains("kept 30 days")
                .contains("only the country is kept")
                .doesNotContain("op3.dev");

        // A restart loses nothing.
        Instant now = server.clock().instant();
        server.close();
        server = TestServer.start(
                ConfigLoader.load(dir.resolve("show").resolve("feed-config.yml"), Map.of()), dir.resolve("show"), now);
        assertThat(downloads()).containsEntry(tenMinutes.slug(), 4).containsEntry(short3s.slug(), 1);

        // Forty days on, every raw record is gone (keepRawDays: 30); the daily counts remain.
        server.clock().advance(Duration.ofDays(40));
        log().countFinishedDays();
        assertThat(rawRecords()).isZero();
        assertThat(downloads()).containsEntry(tenMinutes.slug(), 4).containsEntry(short3s.slug(), 1);
        // (The command reads the real clock: the test's days are long gone by it.)
        JsonNode json = statsJson("--days", "7");
        JsonNode ten = find(json, tenMinutes.slug());
        assertThat(ten.get("downloadsFirst7Days").asInt()).isEqualTo(4);
        assertThat(ten.get("downloadsFirst30Days").asInt()).isEqualTo(4);
        assertThat(ten.get("downloadsLastDays").asInt()).isZero();
        assertThat(ten.get("title").asText()).isEqualTo("Ten minutes");
    }

    private RequestLog log() {
        return (RequestLog) server.app().mediaRequests();
    }

    private Map<String, Integer> downloads() throws Exception {
        Map<String, Integer> bySlug = new java.util.HashMap<>();
        for (JsonNode e : statsJson()) {
            bySlug.put(e.get("slug").asText(), e.get("downloads").asInt());
        }
        return bySlug;
    }

    private JsonNode statsJson(String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "stats", "--json", "--config", server.app().config().source().toString()));
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        assertThat(code).as(err.toString()).isZero();
        return new ObjectMapper().readTree(out.toString());
    }

    private static JsonNode find(JsonNode episodes, String slug) {
        for (JsonNode e : episodes) {
            if (e.get("slug").asText().equals(slug)) {
                return e;
            }
        }
        throw new AssertionError("no " + slug + " in " + episodes);
    }

    private long rawRecords() {
        return server.app().database().dsl().fetchCount(org.castkeeper.db.generated.Tables.MEDIA_REQUEST);
    }

    /** A GeoLite2-style country database written by MaxMind's own writer (Debian's libmaxmind-db-writer-perl). */
    static void makeCountryDatabase(Path out, String... networks) throws Exception {
        Path script = Fixtures.resource("analytics/make-country-mmdb.pl");
        List<String> command = new ArrayList<>(List.of("perl", script.toString(), out.toString()));
        command.addAll(List.of(networks));
        Process perl = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(perl.getInputStream().readAllBytes());
        assertThat(perl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(perl.exitValue())
                .as("perl could not write the test's country database (install Debian's"
                        + " libmaxmind-db-writer-perl, as .ci/run does): " + output)
                .isZero();
        assertThat(Files.size(out)).isPositive();
    }
}
