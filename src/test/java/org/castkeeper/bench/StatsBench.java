package org.castkeeper.bench;

import static org.castkeeper.db.generated.Tables.ANALYTICS_SINCE;
import static org.castkeeper.db.generated.Tables.COUNTED_DAY;
import static org.castkeeper.db.generated.Tables.DOWNLOAD_AUDIENCE;
import static org.castkeeper.db.generated.Tables.DOWNLOAD_DAY;
import static org.castkeeper.db.generated.Tables.MEDIA_REQUEST;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.castkeeper.analytics.RequestLog;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.EpisodeAudio;
import org.castkeeper.catalogue.EpisodeState;
import org.castkeeper.catalogue.NewEpisode;
import org.castkeeper.cli.Main;
import org.castkeeper.config.ConfigLoader;
import org.castkeeper.testing.AdminClient;
import org.castkeeper.testing.TestServer;
import org.castkeeper.testing.TestShow;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;

/**
 * The Stats page and {@code castkeeper stats} over a show counted for three years: 100 episodes (one every 11
 * days), three years of daily counts (per episode, and per app and country), and a million raw requests over the
 * last 30 days (today's among them, not yet counted). A benchmark for scripts/bench-stats, not a test.
 *
 * <p>Usage: StatsBench OUTPUT_DIR [JDBC_URL]: SQLite in OUTPUT_DIR without a URL, else that PostgreSQL.
 */
public final class StatsBench {
    static final int EPISODES = 100;
    static final int DAYS = 3 * 365;
    static final int RAW = 1_000_000;
    static final int RAW_DAYS = 30;
    static final List<String> APPS = List.of(
            "Apple Podcasts",
            "Spotify",
            "Overcast",
            "Pocket Casts",
            "AntennaPod",
            "Castro",
            "Podcast Addict",
            "Browser");
    static final List<String> COUNTRIES = List.of("US", "GB", "DE", "NG", "CA", "AU", "IE", "ZA", "IN", "FR");

    private StatsBench() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]).toAbsolutePath();
        Path show = Files.createDirectories(out.resolve("show"));
        Path config = args.length > 1 ? TestShow.create(show, args[1]) : TestShow.create(show);
        if (args.length > 1) {
            Files.writeString(config, Files.readString(config) + "  user: postgres\n");
        }
        try (TestServer server = TestServer.start(ConfigLoader.load(config, Map.of()), show)) {
            DSLContext db = server.app().database().dsl();
            LocalDate today = LocalDate.ofInstant(server.clock().instant(), ZoneOffset.UTC);
            long seed = System.nanoTime();
            List<Episode> episodes = seedEpisodes(server, today);
            seedCounts(db, episodes, today);
            seedRaw(db, episodes, today);
            System.out.printf("seed_seconds=%.1f%n", (System.nanoTime() - seed) / 1e9);
            // The 29 days before today are counted as the server counts them (its writer does this every 10 min).
            long counting = System.nanoTime();
            int counted = ((RequestLog) server.app().mediaRequests()).countFinishedDays();
            System.out.printf(
                    "counting %d finished days of raw records: %.1f s%n",
                    counted, (System.nanoTime() - counting) / 1e9);
            System.out.printf(
                    "rows: media_request=%d download_day=%d download_audience=%d%n",
                    db.fetchCount(MEDIA_REQUEST), db.fetchCount(DOWNLOAD_DAY), db.fetchCount(DOWNLOAD_AUDIENCE));

            time("report, last 30 days (ms)", () -> server.app().stats().report(30, null));
            time("report, last 365 days (ms)", () -> server.app().stats().report(365, null));
            time("CSV rows, last 365 days (ms)", () -> server.app().stats().perEpisodePerDay(365));
            AdminClient admin = new AdminClient(server).signedIn();
            time("GET /admin/stats?days=365 (ms)", () -> {
                var page = admin.get("/admin/stats?days=365");
                if (page.statusCode() != 200) {
                    throw new IllegalStateException("stats page answered " + page.statusCode());
                }
            });
            time("castkeeper stats --json, in-process (ms)", () -> {
                StringWriter json = new StringWriter();
                int code = Main.run(
                        new PrintWriter(json, true),
                        new PrintWriter(new StringWriter(), true),
                        "stats",
                        "--json",
                        "--config",
                        config.toString());
                if (code != 0) {
                    throw new IllegalStateException("stats exited with " + code);
                }
            });
        }
    }

    interface Work {
        void run() throws Exception;
    }

    private static void time(String what, Work work) throws Exception {
        work.run(); // warm-up
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            work.run();
            ms.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf("%-42s median %7.1f   max %7.1f%n", what, ms.get(2), ms.get(4));
    }

    private static List<Episode> seedEpisodes(TestServer server, LocalDate today) {
        List<Episode> episodes = new ArrayList<>();
        Instant first = today.minusDays(DAYS).atTime(7, 0).toInstant(ZoneOffset.UTC);
        for (int i = 0; i < EPISODES; i++) {
            episodes.add(server.app()
                    .episodes()
                    .create(new NewEpisode(
                            "Episode " + (i + 1),
                            "<p>Notes</p>",
                            EpisodeState.PUBLISHED,
                            first.plus(Duration.ofDays(11L * i)),
                            new EpisodeAudio(
                                    "stats-bench-" + i + ".mp3",
                                    30_000_000,
                                    "audio/mpeg",
                                    String.format("%064x", i),
                                    1800,
                                    128,
                                    false,
                                    44100,
                                    2),
                            "Dominion",
                            null,
                            null,
                            List.of())));
        }
        return episodes;
    }

    /** Three years of daily counts: each episode out by then gets a few downloads a day, fewer as it ages. */
    private static void seedCounts(DSLContext db, List<Episode> episodes, LocalDate today) {
        Random random = new Random(1);
        db.transaction(tx -> {
            DSLContext t = tx.dsl();
            BatchBindStep days = t.batch(t.insertInto(
                            DOWNLOAD_DAY,
                            DOWNLOAD_DAY.DAY,
                            DOWNLOAD_DAY.EPISODE_ID,
                            DOWNLOAD_DAY.AGE_DAYS,
                            DOWNLOAD_DAY.DOWNLOADS)
                    .values((String) null, null, null, null));
            BatchBindStep audience = t.batch(t.insertInto(
                            DOWNLOAD_AUDIENCE,
                            DOWNLOAD_AUDIENCE.DAY,
                            DOWNLOAD_AUDIENCE.APP,
                            DOWNLOAD_AUDIENCE.COUNTRY,
                            DOWNLOAD_AUDIENCE.DOWNLOADS)
                    .values((String) null, null, null, null));
            BatchBindStep counted =
                    t.batch(t.insertInto(COUNTED_DAY, COUNTED_DAY.DAY, COUNTED_DAY.RAW, COUNTED_DAY.COUNTED_AT)
                            .values((String) null, null, null));
            for (LocalDate d = today.minusDays(DAYS); d.isBefore(today.minusDays(RAW_DAYS - 1)); d = d.plusDays(1)) {
                int total = 0;
                for (Episode e : episodes) {
                    LocalDate out = e.publishAt().atZone(ZoneOffset.UTC).toLocalDate();
                    if (out.isAfter(d)) {
                        continue;
                    }
                    int age = (int) java.time.temporal.ChronoUnit.DAYS.between(out, d);
                    int n = age < 7 ? 200 + random.nextInt(50) : 1 + random.nextInt(6);
                    days.bind(d.toString(), e.id(), age, n);
                    total += n;
                }
                for (String app : APPS) {
                    for (String country : COUNTRIES) {
                        audience.bind(d.toString(), app, country, Math.max(1, total / 80));
                    }
                }
                counted.bind(d.toString(), 0L, 0L);
            }
            days.execute();
            audience.execute();
            counted.execute();
            t.insertInto(ANALYTICS_SINCE, ANALYTICS_SINCE.ID, ANALYTICS_SINCE.DAY)
                    .values(1, today.minusDays(DAYS).toString())
                    .onConflict(ANALYTICS_SINCE.ID)
                    .doUpdate()
                    .set(ANALYTICS_SINCE.DAY, today.minusDays(DAYS).toString())
                    .execute();
        });
    }

    /**
     * A million raw requests over the last 30 days: listeners fetching in chunks. The 29 days before today are
     * counted already (as the server would have), today is not.
     */
    private static void seedRaw(DSLContext db, List<Episode> episodes, LocalDate today) {
        Random random = new Random(2);
        int perDay = RAW / RAW_DAYS;
        for (int day = RAW_DAYS - 1; day >= 0; day--) {
            LocalDate d = today.minusDays(day);
            long at = d.atTime(12, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
            db.transaction(tx -> {
                DSLContext t = tx.dsl();
                BatchBindStep batch = rawInsert(t);
                for (int i = 0; i < perDay; i++) {
                    Episode e = episodes.get(EPISODES - 1 - random.nextInt(10));
                    int listener = random.nextInt(perDay / 4);
                    long chunk = 1_000_000;
                    long first = (long) random.nextInt(30) * chunk;
                    String app = APPS.get(listener % APPS.size());
                    batch.bind(
                            e.id(),
                            at,
                            d.toString(),
                            String.format("%032x", listener),
                            String.format("%032x", listener / 2),
                            app + "/1.0",
                            app,
                            first,
                            first + chunk - 1,
                            false,
                            206,
                            30_000_000L,
                            false,
                            COUNTRIES.get(listener % COUNTRIES.size()));
                    if (i % 20_000 == 19_999) {
                        batch.execute();
                        batch = rawInsert(t);
                    }
                }
                batch.execute();
            });
        }
    }

    private static BatchBindStep rawInsert(DSLContext t) {
        return t.batch(t.insertInto(
                        MEDIA_REQUEST,
                        MEDIA_REQUEST.EPISODE_ID,
                        MEDIA_REQUEST.AT,
                        MEDIA_REQUEST.DAY,
                        MEDIA_REQUEST.LISTENER,
                        MEDIA_REQUEST.ADDRESS,
                        MEDIA_REQUEST.USER_AGENT,
                        MEDIA_REQUEST.APP,
                        MEDIA_REQUEST.FIRST_BYTE,
                        MEDIA_REQUEST.LAST_BYTE,
                        MEDIA_REQUEST.WHOLE,
                        MEDIA_REQUEST.STATUS,
                        MEDIA_REQUEST.FILE_SIZE,
                        MEDIA_REQUEST.BOT,
                        MEDIA_REQUEST.COUNTRY)
                .values((Integer) null, null, null, null, null, null, null, null, null, null, null, null, null, null));
    }
}
