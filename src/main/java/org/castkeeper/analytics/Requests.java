package org.castkeeper.analytics;

import static org.castkeeper.db.generated.Tables.MEDIA_REQUEST;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/** Raw records read back for {@link IabCounter}. */
final class Requests {
    private Requests() {}

    /**
     * The records of the days {@code from} to {@code to} (yyyy-mm-dd, inclusive). An episode deleted since has no
     * duration any more: its requests count when they cover the whole file.
     */
    static List<IabCounter.Request> ofDays(DSLContext db, String from, String to, Map<Integer, EpisodeFacts> episodes) {
        List<IabCounter.Request> requests = new ArrayList<>();
        db.select(
                        MEDIA_REQUEST.LISTENER,
                        MEDIA_REQUEST.ADDRESS,
                        MEDIA_REQUEST.EPISODE_ID,
                        MEDIA_REQUEST.DAY,
                        MEDIA_REQUEST.USER_AGENT,
                        MEDIA_REQUEST.BOT,
                        MEDIA_REQUEST.COUNTRY,
                        MEDIA_REQUEST.FIRST_BYTE,
                        MEDIA_REQUEST.LAST_BYTE,
                        MEDIA_REQUEST.FILE_SIZE)
                .from(MEDIA_REQUEST)
                .where(MEDIA_REQUEST.DAY.between(from, to))
                .fetchSize(5_000)
                .forEach(r -> {
                    EpisodeFacts e = episodes.get(r.value3());
                    requests.add(new IabCounter.Request(
                            r.value1(),
                            r.value2(),
                            r.value3(),
                            LocalDate.parse(r.value4()),
                            r.value5(),
                            Boolean.TRUE.equals(r.value6()),
                            r.value7(),
                            r.value8(),
                            r.value9(),
                            r.value10(),
                            e == null ? 0 : e.durationSeconds()));
                });
        return requests;
    }
}
