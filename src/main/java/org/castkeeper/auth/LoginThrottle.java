package org.castkeeper.auth;

import static org.castkeeper.db.generated.Tables.LOGIN_ATTEMPT;

import java.time.Clock;
import java.time.Duration;
import org.jooq.DSLContext;

/**
 * Slows down password guessing: after too many failures in a window, an account (and, separately, an address)
 * may not try again until the window ends. Counted in the database, so every instance sees the same count.
 */
public final class LoginThrottle {
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final int MAX_PER_ACCOUNT = 5;
    public static final int MAX_PER_ADDRESS = 20;

    private final DSLContext db;
    private final Clock clock;

    public LoginThrottle(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public boolean allowed(String username, String address) {
        return failures("account:" + Accounts.normalise(username)) < MAX_PER_ACCOUNT
                && failures("address:" + address) < MAX_PER_ADDRESS;
    }

    public void failed(String username, String address) {
        bump("account:" + Accounts.normalise(username));
        bump("address:" + address);
    }

    public void succeeded(String username) {
        db.deleteFrom(LOGIN_ATTEMPT).where(LOGIN_ATTEMPT.BUCKET.eq("account:" + Accounts.normalise(username))).execute();
    }

    private int failures(String bucket) {
        var row = db.select(LOGIN_ATTEMPT.WINDOW_START, LOGIN_ATTEMPT.FAILURES).from(LOGIN_ATTEMPT)
                .where(LOGIN_ATTEMPT.BUCKET.eq(bucket)).fetchOne();
        if (row == null || row.value1() + WINDOW.toMillis() <= clock.millis()) {
            return 0;
        }
        return row.value2();
    }

    private void bump(String bucket) {
        long now = clock.millis();
        db.transaction(tx -> {
            var row = tx.dsl().select(LOGIN_ATTEMPT.WINDOW_START).from(LOGIN_ATTEMPT)
                    .where(LOGIN_ATTEMPT.BUCKET.eq(bucket)).fetchOne();
            if (row == null) {
                tx.dsl().insertInto(LOGIN_ATTEMPT, LOGIN_ATTEMPT.BUCKET, LOGIN_ATTEMPT.WINDOW_START,
                        LOGIN_ATTEMPT.FAILURES).values(bucket, now, 1).execute();
            } else if (row.value1() + WINDOW.toMillis() <= now) {
                tx.dsl().update(LOGIN_ATTEMPT).set(LOGIN_ATTEMPT.WINDOW_START, now).set(LOGIN_ATTEMPT.FAILURES, 1)
                        .where(LOGIN_ATTEMPT.BUCKET.eq(bucket)).execute();
            } else {
                tx.dsl().update(LOGIN_ATTEMPT).set(LOGIN_ATTEMPT.FAILURES, LOGIN_ATTEMPT.FAILURES.plus(1))
                        .where(LOGIN_ATTEMPT.BUCKET.eq(bucket)).execute();
            }
        });
    }
}
