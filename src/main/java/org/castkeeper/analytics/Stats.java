package org.castkeeper.analytics;

import static org.castkeeper.db.generated.Tables.COUNTED_DAY;
import static org.castkeeper.db.generated.Tables.DOWNLOAD_ANOMALY;
import static org.castkeeper.db.generated.Tables.DOWNLOAD_AUDIENCE;
import static org.castkeeper.db.generated.Tables.DOWNLOAD_DAY;
import static org.castkeeper.db.generated.Tables.SUBSCRIBER_COUNT;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The numbers the dashboard, its CSV and {@code castkeeper stats} show, from the daily counts of the days that are
 * over ({@link DailyCounts}) plus the raw records of the days not counted yet (today, and any day since the last
 * count), counted now by the same {@link IabCounter}. Reading counts, not years of raw records, keeps this fast
 * however long the show has been counted.
 */
public final class Stats {
    private final DSLContext db;
    private final Clock clock;

    public Stats(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * One episode's downloads.
     *
     * @param downloadsLastDays downloads in the report's last days (its window), today included
     * @param countedSince      the day counting began, or null when it has not
     * @param partial           whether the episode went out before counting began: its numbers miss the early days
     */
    public record EpisodeStats(
            String slug,
            String title,
            Instant publishAt,
            int downloads,
            int downloadsFirst7Days,
            int downloadsFirst30Days,
            int downloadsLastDays,
            LocalDate countedSince,
            boolean partial) {}

    /** Downloads on one day. */
    public record Day(LocalDate day, int downloads) {}

    /** A share of the window's downloads: an app or a country (ISO code). */
    public record Share(String name, int downloads) {}

    /** An aggregator's latest subscriber count. */
    public record Subscribers(String aggregator, int subscribers, Instant seenAt) {}

    /** One address behind an unusual share of an episode's downloads on a day (counted, but worth a look). */
    public record Flag(LocalDate day, String episodeSlug, String episodeTitle, int downloads, int ofAll) {}

    /** One episode's downloads on one day, for the CSV. */
    public record EpisodeDay(LocalDate day, String slug, String title, int downloads) {}

    /**
     * @param from the first day of the window (the chart, apps, countries, flags); {@code to} is today
     */
    public record Report(
            LocalDate countedSince,
            LocalDate from,
            LocalDate to,
            List<Day> days,
            List<EpisodeStats> episodes,
            List<Share> apps,
            List<Share> countries,
            List<Subscribers> subscribers,
            List<Flag> flags) {

        public int windowTotal() {
            return days.stream().mapToInt(Day::downloads).sum();
        }
    }

    /**
     * @param lastDays the window: today and the days before it, at least 1
     * @param slug     only this episode in {@link Report#episodes()}, or null for all
     */
    public Report report(int lastDays, String slug) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = today.minusDays(Math.max(1, lastDays) - 1L);
        String fromText = from.toString();
        Map<Integer, EpisodeFacts> episodes = EpisodeFacts.load(db);
        IabCounter.Result live = live(episodes, today);

        Map<Integer, int[]> perEpisode = new HashMap<>();
        db.select(
                        DOWNLOAD_DAY.EPISODE_ID,
                        DSL.sum(DOWNLOAD_DAY.DOWNLOADS),
                        DSL.sum(DSL.when(DOWNLOAD_DAY.AGE_DAYS.lt(7), DOWNLOAD_DAY.DOWNLOADS)
                                .otherwise(0)),
                        DSL.sum(DSL.when(DOWNLOAD_DAY.AGE_DAYS.lt(30), DOWNLOAD_DAY.DOWNLOADS)
                                .otherwise(0)),
                        DSL.sum(DSL.when(DOWNLOAD_DAY.DAY.ge(fromText), DOWNLOAD_DAY.DOWNLOADS)
                                .otherwise(0)))
                .from(DOWNLOAD_DAY)
                .groupBy(DOWNLOAD_DAY.EPISODE_ID)
                .forEach(r -> perEpisode.put(r.value1(), new int[] {
                    r.value2().intValue(),
                    r.value3().intValue(),
                    r.value4().intValue(),
                    r.value5().intValue()
                }));
        Map<LocalDate, Integer> perDay = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(today); d = d.plusDays(1)) {
            perDay.put(d, 0);
        }
        db.select(DOWNLOAD_DAY.DAY, DSL.sum(DOWNLOAD_DAY.DOWNLOADS))
                .from(DOWNLOAD_DAY)
                .where(DOWNLOAD_DAY.DAY.ge(fromText))
                .groupBy(DOWNLOAD_DAY.DAY)
                .forEach(r ->
                        perDay.merge(LocalDate.parse(r.value1()), r.value2().intValue(), Integer::sum));
        Map<String, Integer> apps = new HashMap<>();
        Map<String, Integer> countries = new HashMap<>();
        db.select(DOWNLOAD_AUDIENCE.APP, DOWNLOAD_AUDIENCE.COUNTRY, DSL.sum(DOWNLOAD_AUDIENCE.DOWNLOADS))
                .from(DOWNLOAD_AUDIENCE)
                .where(DOWNLOAD_AUDIENCE.DAY.ge(fromText))
                .groupBy(DOWNLOAD_AUDIENCE.APP, DOWNLOAD_AUDIENCE.COUNTRY)
                .forEach(r -> {
                    apps.merge(r.value1(), r.value3().intValue(), Integer::sum);
                    if (!r.value2().isEmpty()) {
                        countries.merge(r.value2(), r.value3().intValue(), Integer::sum);
                    }
                });
        List<Flag> flags = new ArrayList<>();
        db.select(
                        DOWNLOAD_ANOMALY.DAY,
                        DOWNLOAD_ANOMALY.EPISODE_ID,
                        DOWNLOAD_ANOMALY.DOWNLOADS,
                        DOWNLOAD_ANOMALY.OF_ALL)
                .from(DOWNLOAD_ANOMALY)
                .where(DOWNLOAD_ANOMALY.DAY.ge(fromText))
                .forEach(r ->
                        flags.add(flag(LocalDate.parse(r.value1()), r.value2(), r.value3(), r.value4(), episodes)));

        // Today and the days not counted yet, counted now.
        for (IabCounter.Download d : live.downloads()) {
            EpisodeFacts e = episodes.get(d.episodeId());
            int age = DailyCounts.ageOn(d.day(), e);
            int[] c = perEpisode.computeIfAbsent(d.episodeId(), k -> new int[4]);
            c[0]++;
            c[1] += age < 7 ? 1 : 0;
            c[2] += age < 30 ? 1 : 0;
            boolean inWindow = !d.day().isBefore(from);
            c[3] += inWindow ? 1 : 0;
            if (inWindow) {
                perDay.merge(d.day(), 1, Integer::sum);
                apps.merge(d.app(), 1, Integer::sum);
                if (d.country() != null) {
                    countries.merge(d.country(), 1, Integer::sum);
                }
            }
        }
        for (IabCounter.Anomaly a : live.anomalies()) {
            if (!a.day().isBefore(from)) {
                flags.add(flag(a.day(), a.episodeId(), a.downloads(), a.ofAll(), episodes));
            }
        }

        LocalDate since = CountingSince.of(db);
        Instant now = clock.instant();
        List<EpisodeStats> perEpisodeStats = new ArrayList<>();
        for (EpisodeFacts e : episodes.values()) {
            if (e.publishAt() == null || e.publishAt().isAfter(now) || (slug != null && !slug.equals(e.slug()))) {
                continue;
            }
            int[] c = perEpisode.getOrDefault(e.id(), new int[4]);
            perEpisodeStats.add(new EpisodeStats(
                    e.slug(),
                    e.title(),
                    e.publishAt(),
                    c[0],
                    c[1],
                    c[2],
                    c[3],
                    since,
                    since == null || e.publishedDay().isBefore(since)));
        }
        List<Day> days = new ArrayList<>();
        perDay.forEach((day, n) -> days.add(new Day(day, n)));
        flags.sort(Comparator.comparing(Flag::day).reversed());
        return new Report(
                since, from, today, days, perEpisodeStats, ranked(apps), ranked(countries), subscribers(), flags);
    }

    /** Every episode's downloads per day in the last {@code lastDays} days, oldest first: the dashboard's CSV. */
    public List<EpisodeDay> perEpisodePerDay(int lastDays) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = today.minusDays(Math.max(1, lastDays) - 1L);
        Map<Integer, EpisodeFacts> episodes = EpisodeFacts.load(db);
        Map<List<Object>, Integer> counts = new LinkedHashMap<>();
        db.select(DOWNLOAD_DAY.DAY, DOWNLOAD_DAY.EPISODE_ID, DOWNLOAD_DAY.DOWNLOADS)
                .from(DOWNLOAD_DAY)
                .where(DOWNLOAD_DAY.DAY.ge(from.toString()))
                .forEach(r -> counts.merge(List.of(LocalDate.parse(r.value1()), r.value2()), r.value3(), Integer::sum));
        for (IabCounter.Download d : live(episodes, today).downloads()) {
            if (!d.day().isBefore(from)) {
                counts.merge(List.of(d.day(), d.episodeId()), 1, Integer::sum);
            }
        }
        List<EpisodeDay> rows = new ArrayList<>();
        counts.forEach((key, n) -> {
            EpisodeFacts e = episodes.get((Integer) key.get(1));
            rows.add(new EpisodeDay(
                    (LocalDate) key.get(0),
                    e == null ? "(deleted)" : e.slug(),
                    e == null ? "(deleted episode)" : e.title(),
                    n));
        });
        rows.sort(Comparator.comparing(EpisodeDay::day).thenComparing(EpisodeDay::slug));
        return rows;
    }

    /** The days after the last counted one, up to today, counted from their raw records now. */
    private IabCounter.Result live(Map<Integer, EpisodeFacts> episodes, LocalDate today) {
        String lastCounted =
                db.select(DSL.max(COUNTED_DAY.DAY)).from(COUNTED_DAY).fetchOne(0, String.class);
        String first = lastCounted == null
                ? "0000-00-00"
                : LocalDate.parse(lastCounted).plusDays(1).toString();
        return IabCounter.count(Requests.ofDays(db, first, today.toString(), episodes));
    }

    private List<Subscribers> subscribers() {
        List<Subscribers> all = new ArrayList<>();
        db.select(SUBSCRIBER_COUNT.AGGREGATOR, SUBSCRIBER_COUNT.SUBSCRIBERS, SUBSCRIBER_COUNT.SEEN_AT)
                .from(SUBSCRIBER_COUNT)
                .orderBy(SUBSCRIBER_COUNT.SUBSCRIBERS.desc(), SUBSCRIBER_COUNT.AGGREGATOR)
                .forEach(r -> all.add(new Subscribers(r.value1(), r.value2(), Instant.ofEpochMilli(r.value3()))));
        return all;
    }

    private static Flag flag(LocalDate day, int episodeId, int downloads, int ofAll, Map<Integer, EpisodeFacts> all) {
        EpisodeFacts e = all.get(episodeId);
        return new Flag(day, e == null ? "" : e.slug(), e == null ? "(deleted episode)" : e.title(), downloads, ofAll);
    }

    private static List<Share> ranked(Map<String, Integer> counts) {
        List<Share> shares = new ArrayList<>();
        counts.forEach((name, n) -> shares.add(new Share(name, n)));
        shares.sort(Comparator.comparingInt(Share::downloads).reversed().thenComparing(Share::name));
        return shares;
    }
}
