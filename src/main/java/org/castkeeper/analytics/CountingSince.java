package org.castkeeper.analytics;

import static org.castkeeper.db.generated.Tables.ANALYTICS_SINCE;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/**
 * The UTC day counting began: set the first time the server records with analytics on, never changed. Episodes
 * that went out before it have "no data before" that day, since a 0 for those days would not be true.
 */
final class CountingSince {
    private CountingSince() {}

    static void begin(DSLContext db, Clock clock) {
        db.insertInto(ANALYTICS_SINCE, ANALYTICS_SINCE.ID, ANALYTICS_SINCE.DAY)
                .values(1, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString())
                .onConflictDoNothing()
                .execute();
    }

    /** The day counting began, or null when it never did. */
    static LocalDate of(DSLContext db) {
        String day = db.select(ANALYTICS_SINCE.DAY)
                .from(ANALYTICS_SINCE)
                .where(ANALYTICS_SINCE.ID.eq(1))
                .fetchOne(ANALYTICS_SINCE.DAY);
        return day == null ? null : LocalDate.parse(day);
    }
}
