package org.castkeeper.analytics;

import static org.castkeeper.db.generated.Tables.MEDIA_REQUEST;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.EpisodeRepository;
import org.jooq.DSLContext;

/**
 * Downloads per episode, counted by {@link IabCounter} from the recorded requests: all time, and in the first 7
 * and 30 days after the episode went out (the industry's usual comparisons). An episode published before counting
 * began says so ({@code countedSince} after its publication), rather than showing a 0 that is not true.
 */
public final class Stats {
    private final DSLContext db;
    private final EpisodeRepository episodes;

    public Stats(DSLContext db, EpisodeRepository episodes) {
        this.db = db;
        this.episodes = episodes;
    }

    /**
     * One episode's downloads.
     *
     * @param countedSince the first day anything was recorded, or null when nothing was yet
     * @param partial      whether the episode went out before counting began: its numbers miss the early days
     */
    public record EpisodeStats(
            String slug,
            String title,
            Instant publishAt,
            int downloads,
            int downloadsFirst7Days,
            int downloadsFirst30Days,
            LocalDate countedSince,
            boolean partial) {}

    /** Every episode that is or was public, newest first; limited to {@code slug} when it is given. */
    public List<EpisodeStats> perEpisode(String slug) {
        Map<Integer, Episode> byId = new HashMap<>();
        for (Episode e : episodes.all()) {
            if (e.publishAt() != null && (slug == null || slug.equals(e.slug()))) {
                byId.put(e.id(), e);
            }
        }
        List<IabCounter.Request> requests = new ArrayList<>();
        LocalDate[] first = {null};
        db.select(
                        MEDIA_REQUEST.LISTENER,
                        MEDIA_REQUEST.ADDRESS,
                        MEDIA_REQUEST.EPISODE_ID,
                        MEDIA_REQUEST.DAY,
                        MEDIA_REQUEST.USER_AGENT,
                        MEDIA_REQUEST.FIRST_BYTE,
                        MEDIA_REQUEST.LAST_BYTE,
                        MEDIA_REQUEST.FILE_SIZE)
                .from(MEDIA_REQUEST)
                .fetch()
                .forEach(r -> {
                    LocalDate day = LocalDate.parse(r.value4());
                    if (first[0] == null || day.isBefore(first[0])) {
                        first[0] = day;
                    }
                    Episode e = byId.get(r.value3());
                    if (e != null) {
                        requests.add(new IabCounter.Request(
                                r.value1(),
                                r.value2(),
                                r.value3(),
                                day,
                                r.value5(),
                                r.value6(),
                                r.value7(),
                                r.value8(),
                                e.audio().durationSeconds()));
                    }
                });
        Map<Integer, int[]> counts = new HashMap<>();
        for (IabCounter.Download d : IabCounter.count(requests).downloads()) {
            Episode e = byId.get(d.episodeId());
            LocalDate published = e.publishAt().atZone(ZoneOffset.UTC).toLocalDate();
            long age = Duration.between(published.atStartOfDay(), d.day().atStartOfDay())
                    .toDays();
            int[] c = counts.computeIfAbsent(d.episodeId(), k -> new int[3]);
            c[0]++;
            if (age < 7) {
                c[1]++;
            }
            if (age < 30) {
                c[2]++;
            }
        }
        List<EpisodeStats> result = new ArrayList<>();
        for (Episode e : byId.values()) {
            int[] c = counts.getOrDefault(e.id(), new int[3]);
            LocalDate published = e.publishAt().atZone(ZoneOffset.UTC).toLocalDate();
            result.add(new EpisodeStats(
                    e.slug(),
                    e.title(),
                    e.publishAt(),
                    c[0],
                    c[1],
                    c[2],
                    first[0],
                    first[0] == null || published.isBefore(first[0])));
        }
        result.sort((a, b) -> b.publishAt().compareTo(a.publishAt()));
        return result;
    }
}
