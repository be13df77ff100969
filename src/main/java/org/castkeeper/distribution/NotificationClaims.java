package org.castkeeper.distribution;

import static org.castkeeper.db.generated.Tables.PUBLISH_NOTIFICATION;

import java.time.Clock;
import java.time.Instant;
import org.jooq.DSLContext;

/**
 * Who announces an episode going live. Every instance sharing the database sees it go live; the first to claim it
 * here sends the notifications and the others stay quiet (podping asks publishers not to repeat themselves).
 */
public final class NotificationClaims {
    private final DSLContext db;
    private final int showId;
    private final Clock clock;

    public NotificationClaims(DSLContext db, int showId, Clock clock) {
        this.db = db;
        this.showId = showId;
        this.clock = clock;
    }

    /** True for the one caller that claims this episode's going live at {@code liveAt}; false for every other. */
    public boolean claim(String guid, Instant liveAt) {
        // The primary key decides: an insert that finds the row already there changes nothing.
        return db.insertInto(PUBLISH_NOTIFICATION)
                        .set(PUBLISH_NOTIFICATION.SHOW_ID, showId)
                        .set(PUBLISH_NOTIFICATION.GUID, guid)
                        .set(PUBLISH_NOTIFICATION.LIVE_AT, liveAt.toEpochMilli())
                        .set(PUBLISH_NOTIFICATION.CLAIMED_AT, clock.millis())
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }
}
