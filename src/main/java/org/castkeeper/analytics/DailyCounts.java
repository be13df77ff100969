package org.castkeeper.analytics;

import static org.castkeeper.db.generated.Tables.COUNTED_DAY;
import static org.castkeeper.db.generated.Tables.DOWNLOAD_ANOMALY;
import static org.castkeeper.db.generated.Tables.DOWNLOAD_AUDIENCE;
import static org.castkeeper.db.generated.Tables.DOWNLOAD_DAY;
import static org.castkeeper.db.generated.Tables.MEDIA_REQUEST;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Turns raw requests into counts that last. Each UTC day that is over is counted once by {@link IabCounter} (the
 * guidelines count per day, so a day's downloads never change once its requests are all in) and its downloads
 * kept per episode ({@code download_day}) and per app and country ({@code download_audience}), with the day's
 * anomalies. A day is counted again when its number of raw records changed since (a record another instance wrote
 * late). Raw records older than {@code analytics.keepRawDays} are deleted once their day is counted.
 *
 * <p>Two instances may run this at once: the first statement of a day's transaction claims the day in
 * {@code counted_day} with its raw count, and an instance that finds it claimed with the same count leaves it.
 */
final class DailyCounts {
    private final DSLContext db;
    private final Clock clock;
    private final int keepRawDays;

    DailyCounts(DSLContext db, Clock clock, int keepRawDays) {
        this.db = db;
        this.clock = clock;
        this.keepRawDays = keepRawDays;
    }

    /** Counts every finished day not counted yet (or changed since), then forgets old raw records. */
    int countFinishedDays() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        Map<String, Long> counted = new HashMap<>();
        db.select(COUNTED_DAY.DAY, COUNTED_DAY.RAW).from(COUNTED_DAY).forEach(r -> counted.put(r.value1(), r.value2()));
        List<String> due = new ArrayList<>();
        Map<String, Long> raw = new HashMap<>();
        db.select(MEDIA_REQUEST.DAY, DSL.count())
                .from(MEDIA_REQUEST)
                .where(MEDIA_REQUEST.DAY.lt(today.toString()))
                .groupBy(MEDIA_REQUEST.DAY)
                .forEach(r -> {
                    raw.put(r.value1(), r.value2().longValue());
                    if (!Long.valueOf(r.value2()).equals(counted.get(r.value1()))) {
                        due.add(r.value1());
                    }
                });
        if (!due.isEmpty()) {
            Map<Integer, EpisodeFacts> episodes = EpisodeFacts.load(db);
            for (String day : due) {
                count(LocalDate.parse(day), raw.get(day), episodes);
            }
        }
        forgetRawBefore(today.minusDays(keepRawDays));
        return due.size();
    }

    private void count(LocalDate day, long raw, Map<Integer, EpisodeFacts> episodes) {
        String d = day.toString();
        long now = clock.millis();
        db.transaction(tx -> {
            DSLContext t = tx.dsl();
            int claimed = t.insertInto(COUNTED_DAY, COUNTED_DAY.DAY, COUNTED_DAY.RAW, COUNTED_DAY.COUNTED_AT)
                    .values(d, raw, now)
                    .onConflict(COUNTED_DAY.DAY)
                    .doUpdate()
                    .set(COUNTED_DAY.RAW, raw)
                    .set(COUNTED_DAY.COUNTED_AT, now)
                    .where(COUNTED_DAY.RAW.ne(raw))
                    .execute();
            if (claimed == 0) {
                return; // another instance counted this day as it is now
            }
            IabCounter.Result result = IabCounter.count(Requests.ofDays(t, d, d, episodes));
            t.deleteFrom(DOWNLOAD_DAY).where(DOWNLOAD_DAY.DAY.eq(d)).execute();
            t.deleteFrom(DOWNLOAD_AUDIENCE).where(DOWNLOAD_AUDIENCE.DAY.eq(d)).execute();
            t.deleteFrom(DOWNLOAD_ANOMALY).where(DOWNLOAD_ANOMALY.DAY.eq(d)).execute();
            Map<Integer, Integer> perEpisode = new HashMap<>();
            Map<List<String>, Integer> perAudience = new HashMap<>();
            for (IabCounter.Download download : result.downloads()) {
                perEpisode.merge(download.episodeId(), 1, Integer::sum);
                perAudience.merge(
                        List.of(download.app(), download.country() == null ? "" : download.country()), 1, Integer::sum);
            }
            if (!perEpisode.isEmpty()) {
                var insert = t.insertInto(
                        DOWNLOAD_DAY,
                        DOWNLOAD_DAY.DAY,
                        DOWNLOAD_DAY.EPISODE_ID,
                        DOWNLOAD_DAY.AGE_DAYS,
                        DOWNLOAD_DAY.DOWNLOADS);
                for (Map.Entry<Integer, Integer> e : perEpisode.entrySet()) {
                    insert = insert.values(d, e.getKey(), ageOn(day, episodes.get(e.getKey())), e.getValue());
                }
                insert.execute();
                var audience = t.insertInto(
                        DOWNLOAD_AUDIENCE,
                        DOWNLOAD_AUDIENCE.DAY,
                        DOWNLOAD_AUDIENCE.APP,
                        DOWNLOAD_AUDIENCE.COUNTRY,
                        DOWNLOAD_AUDIENCE.DOWNLOADS);
                for (Map.Entry<List<String>, Integer> e : perAudience.entrySet()) {
                    audience = audience.values(d, e.getKey().get(0), e.getKey().get(1), e.getValue());
                }
                audience.execute();
            }
            for (IabCounter.Anomaly a : result.anomalies()) {
                t.insertInto(
                                DOWNLOAD_ANOMALY,
                                DOWNLOAD_ANOMALY.DAY,
                                DOWNLOAD_ANOMALY.EPISODE_ID,
                                DOWNLOAD_ANOMALY.ADDRESS,
                                DOWNLOAD_ANOMALY.DOWNLOADS,
                                DOWNLOAD_ANOMALY.OF_ALL)
                        .values(d, a.episodeId(), a.address(), a.downloads(), a.ofAll())
                        .execute();
            }
        });
    }

    /**
     * Days from the episode's publication to {@code day}; an episode deleted since, or never published, counts as
     * old (it is outside every "first N days").
     */
    static int ageOn(LocalDate day, EpisodeFacts episode) {
        LocalDate published = episode == null ? null : episode.publishedDay();
        if (published == null) {
            return Integer.MAX_VALUE / 2;
        }
        return (int) Math.max(0, ChronoUnit.DAYS.between(published, day));
    }

    /** Deletes raw records of days before {@code cutoff} that are counted: only their counts remain. */
    private void forgetRawBefore(LocalDate cutoff) {
        db.deleteFrom(MEDIA_REQUEST)
                .where(MEDIA_REQUEST.DAY.lt(cutoff.toString()))
                .and(DSL.exists(DSL.selectOne().from(COUNTED_DAY).where(COUNTED_DAY.DAY.eq(MEDIA_REQUEST.DAY))))
                .execute();
    }
}
