package org.castkeeper.analytics;

import static org.castkeeper.db.generated.Tables.ANALYTICS_SALT;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;

/**
 * One secret salt per calendar day in UTC, shared by every instance through the database: made by the first
 * instance that needs it, read by the others, and destroyed once the day is over and its last records are in.
 * Hashes made with it tell the same listener apart within a day; without it, no one can link two days.
 */
final class DailySalt {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext db;
    private final Clock clock;
    private final Map<LocalDate, String> known = new ConcurrentHashMap<>();

    DailySalt(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The salt of {@code day}, made now if no instance has made it yet. */
    String of(LocalDate day) {
        return known.computeIfAbsent(day, d -> {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            db.insertInto(ANALYTICS_SALT, ANALYTICS_SALT.DAY, ANALYTICS_SALT.SALT, ANALYTICS_SALT.CREATED_AT)
                    .values(d.toString(), HexFormat.of().formatHex(bytes), clock.millis())
                    .onConflictDoNothing()
                    .execute();
            // Another instance may have made it first: the stored one is the day's.
            return db.select(ANALYTICS_SALT.SALT)
                    .from(ANALYTICS_SALT)
                    .where(ANALYTICS_SALT.DAY.eq(d.toString()))
                    .fetchSingle(ANALYTICS_SALT.SALT);
        });
    }

    /** Destroys the salts of every day before {@code today}: their records are all in. */
    void forgetBefore(LocalDate today) {
        known.keySet().removeIf(day -> day.isBefore(today));
        db.deleteFrom(ANALYTICS_SALT)
                .where(ANALYTICS_SALT.DAY.lt(today.toString()))
                .execute();
    }
}
