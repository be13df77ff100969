package org.castkeeper.catalogue;

import static org.castkeeper.db.generated.Tables.EPISODE_NOTICE;

import java.time.Clock;
import java.util.List;
import org.jooq.DSLContext;

/**
 * What the host should know about an episode's audio (a file that was cut short, a tag that could not be read),
 * kept until they dismiss it. An episode's deletion removes its notices in the same transaction.
 */
public final class EpisodeNotices {
    private final DSLContext db;
    private final Clock clock;

    EpisodeNotices(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Keeps what the host should know about the episode's audio, until they dismiss it. */
    public void add(int episodeId, List<String> messages) {
        if (messages.isEmpty()) {
            return;
        }
        db.batch(messages.stream()
                        .map(m -> db.insertInto(
                                        EPISODE_NOTICE,
                                        EPISODE_NOTICE.EPISODE_ID,
                                        EPISODE_NOTICE.MESSAGE,
                                        EPISODE_NOTICE.CREATED_AT)
                                .values(episodeId, m, clock.millis()))
                        .toList())
                .execute();
    }

    /** The notices the host has not dismissed yet, oldest first. */
    public List<String> of(int episodeId) {
        return db.select(EPISODE_NOTICE.MESSAGE)
                .from(EPISODE_NOTICE)
                .where(EPISODE_NOTICE.EPISODE_ID.eq(episodeId))
                .orderBy(EPISODE_NOTICE.ID)
                .fetch(EPISODE_NOTICE.MESSAGE);
    }

    /** Forgets the episode's notices: the host has read them. */
    public void dismiss(int episodeId) {
        db.deleteFrom(EPISODE_NOTICE)
                .where(EPISODE_NOTICE.EPISODE_ID.eq(episodeId))
                .execute();
    }
}
