package org.castkeeper.auth;

import static org.castkeeper.db.generated.Tables.LOGIN_ATTEMPT;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.castkeeper.db.generated.tables.records.LoginAttemptRecord;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/**
 * Slows down password guessing, decided in the database so that it holds across threads and instances.
 *
 * <p>An attempt is counted as a failure <em>before</em> the password is checked ({@link #begin}) and refunded
 * when it succeeds ({@link #succeeded}), in one transaction with the rows locked: forty guesses sent at once
 * for one account get five checks, not forty. The limits, per 15-minute window:
 * <ul>
 *   <li>5 failures per account and address: one address cannot keep guessing one account;</li>
 *   <li>20 failures per address, whatever the accounts;</li>
 *   <li>per account, from all addresses together: after 10 failures each further attempt must wait twice as long
 *       as the last (1 s, 2 s, 4 s, ... up to 15 minutes), so a botnet gets a few dozen guesses an hour.</li>
 * </ul>
 * A browser that has signed in to the account before (a valid known-device cookie, {@link DeviceCookies}) is
 * counted on its own instead of per account, as OWASP suggests: an attacker elsewhere cannot lock the host out.
 */
public final class LoginThrottle {
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final int MAX_PER_ACCOUNT_AND_ADDRESS = 5;
    public static final int MAX_PER_ADDRESS = 20;
    public static final int MAX_PER_DEVICE = 5;
    /** Failures per account from all addresses before the backoff starts. */
    public static final int ACCOUNT_FREE_FAILURES = 10;

    public static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    public static final Duration MAX_BACKOFF = WINDOW;

    private final DSLContext db;
    private final Clock clock;

    public LoginThrottle(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Whether one attempt may check a password, and when to try again if not. */
    public record Decision(boolean allowed, Duration retryAfter, String reason) {
        static Decision allow() {
            return new Decision(true, Duration.ZERO, null);
        }
    }

    /** Who is trying: the account name, the client's address, and the known device's id (or null). */
    public record Attempt(String account, String address, String device) {
        public Attempt {
            account = Accounts.normalise(account);
        }

        String pair() {
            return "pair:" + account + "|" + address;
        }

        String addressBucket() {
            return "address:" + address;
        }

        String accountBucket() {
            return "account:" + account;
        }

        String deviceBucket() {
            return "device:" + account + "|" + device;
        }

        List<String> buckets() {
            return device != null
                    ? List.of(deviceBucket(), addressBucket())
                    : List.of(pair(), addressBucket(), accountBucket());
        }
    }

    /**
     * Counts this attempt as a failure if it is allowed, atomically with the decision. The caller checks the
     * password only when allowed, and calls {@link #succeeded} if it matched.
     */
    public Decision begin(Attempt attempt) {
        long now = clock.millis();
        return db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            for (String bucket : attempt.buckets()) {
                t.insertInto(
                                LOGIN_ATTEMPT,
                                LOGIN_ATTEMPT.BUCKET,
                                LOGIN_ATTEMPT.WINDOW_START,
                                LOGIN_ATTEMPT.FAILURES,
                                LOGIN_ATTEMPT.BLOCKED_UNTIL)
                        .values(bucket, now, 0, 0L)
                        .onConflictDoNothing()
                        .execute();
            }
            var select = t.selectFrom(LOGIN_ATTEMPT).where(LOGIN_ATTEMPT.BUCKET.in(attempt.buckets()));
            // SQLite's IMMEDIATE transaction already holds the write lock; PostgreSQL locks the rows.
            List<LoginAttemptRecord> rows = t.dialect() == SQLDialect.SQLITE
                    ? select.fetch()
                    : select.forUpdate().fetch();
            Map<String, LoginAttemptRecord> byBucket = new HashMap<>();
            for (LoginAttemptRecord row : rows) {
                if (row.getWindowStart() + WINDOW.toMillis() <= now) {
                    row.setWindowStart(now);
                    row.setFailures(0);
                }
                byBucket.put(row.getBucket(), row);
            }
            Decision refused = refusal(attempt, byBucket, now);
            if (refused != null) {
                return refused;
            }
            for (LoginAttemptRecord row : byBucket.values()) {
                row.setFailures(row.getFailures() + 1);
                if (row.getBucket().equals(attempt.accountBucket())) {
                    // The account's window slides: it ends 15 minutes after the last attempt.
                    row.setWindowStart(now);
                    row.setBlockedUntil(now + backoffAfter(row.getFailures()).toMillis());
                }
                t.executeUpdate(row);
            }
            return Decision.allow();
        });
    }

    private static Decision refusal(Attempt attempt, Map<String, LoginAttemptRecord> rows, long now) {
        List<Decision> refusals = new ArrayList<>();
        LoginAttemptRecord device = rows.get(attempt.deviceBucket());
        if (attempt.device() != null && device != null && device.getFailures() >= MAX_PER_DEVICE) {
            refusals.add(windowEnds(device, now, "too many failures from this browser"));
        }
        LoginAttemptRecord pair = rows.get(attempt.pair());
        if (pair != null && pair.getFailures() >= MAX_PER_ACCOUNT_AND_ADDRESS) {
            refusals.add(windowEnds(pair, now, "too many failures for this account from this address"));
        }
        LoginAttemptRecord address = rows.get(attempt.addressBucket());
        if (address != null && address.getFailures() >= MAX_PER_ADDRESS) {
            refusals.add(windowEnds(address, now, "too many failures from this address"));
        }
        LoginAttemptRecord account = rows.get(attempt.accountBucket());
        if (account != null && account.getBlockedUntil() > now) {
            refusals.add(new Decision(
                    false,
                    Duration.ofMillis(account.getBlockedUntil() - now),
                    "too many failures for this account; it waits before each attempt"));
        }
        return refusals.stream()
                .max(java.util.Comparator.comparing(Decision::retryAfter))
                .orElse(null);
    }

    private static Decision windowEnds(LoginAttemptRecord row, long now, String reason) {
        return new Decision(false, Duration.ofMillis(row.getWindowStart() + WINDOW.toMillis() - now), reason);
    }

    /** No wait for the first ten failures, then 1 s, 2 s, 4 s, ... capped at 15 minutes. */
    static Duration backoffAfter(int failures) {
        int over = failures - ACCOUNT_FREE_FAILURES;
        if (over <= 0) {
            return Duration.ZERO;
        }
        long millis = FIRST_BACKOFF.toMillis() << Math.min(over - 1, 30);
        return millis >= MAX_BACKOFF.toMillis() ? MAX_BACKOFF : Duration.ofMillis(millis);
    }

    /** The password matched: the attempt was no failure, and the account's own counts start again. */
    public void succeeded(Attempt attempt) {
        refund(attempt);
        db.deleteFrom(LOGIN_ATTEMPT)
                .where(LOGIN_ATTEMPT.BUCKET.in(attempt.pair(), attempt.accountBucket(), attempt.deviceBucket()))
                .execute();
    }

    /** The password was never checked (the server was too busy): take back what {@link #begin} counted. */
    public void notChecked(Attempt attempt) {
        refund(attempt);
    }

    private void refund(Attempt attempt) {
        db.update(LOGIN_ATTEMPT)
                .set(LOGIN_ATTEMPT.FAILURES, LOGIN_ATTEMPT.FAILURES.minus(1))
                .where(LOGIN_ATTEMPT.BUCKET.in(attempt.buckets()))
                .and(LOGIN_ATTEMPT.FAILURES.gt(0))
                .execute();
    }
}
