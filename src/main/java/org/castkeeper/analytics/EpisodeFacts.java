package org.castkeeper.analytics;

import static org.castkeeper.db.generated.Tables.EPISODE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * What counting needs of each episode, read in one light query (not whole episodes with their chapters and
 * people): the IAB minute needs the duration, "first 7 days" the day it went out.
 */
record EpisodeFacts(int id, String slug, String title, Instant publishAt, int durationSeconds) {

    /** The UTC day it went out, or null for one never published. */
    LocalDate publishedDay() {
        return publishAt == null ? null : publishAt.atZone(ZoneOffset.UTC).toLocalDate();
    }

    static Map<Integer, EpisodeFacts> load(DSLContext db) {
        Map<Integer, EpisodeFacts> facts = new LinkedHashMap<>();
        db.select(EPISODE.ID, EPISODE.SLUG, EPISODE.TITLE, EPISODE.PUBLISH_AT, EPISODE.DURATION_SECONDS)
                .from(EPISODE)
                .orderBy(EPISODE.PUBLISH_AT.desc().nullsLast(), EPISODE.ID.desc())
                .forEach(r -> facts.put(
                        r.value1(),
                        new EpisodeFacts(
                                r.value1(),
                                r.value2(),
                                r.value3(),
                                r.value4() == null ? null : Instant.ofEpochMilli(r.value4()),
                                r.value5())));
        return facts;
    }
}
