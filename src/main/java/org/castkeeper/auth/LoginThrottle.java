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
 * <p>An attempt is a failure only once its password was checked and found wrong ({@link #failed}). While it is
 * being checked it is counted apart ({@link #begin} to {@link #failed}, {@link #succeeded} or
 * {@link #notChecked}), in one transaction with the rows locked, and a bucket whose failures and checks in flight
 * reach its limit makes the next attempt wait for those checks ({@link Decision#busy()}): forty guesses sent at
 * once for one account get five checks, not forty, and eight correct sign-ins sent at once all get in. The limits,
 * per 15-minute window:
 * <ul>
 *   <li>5 failures per account and address: one address cannot keep guessing one account;</li>
 *   <li>20 failures per address, whatever the accounts;</li>
 *   <li>per account, from all addresses together: after 10 failures each further attempt must wait twice as long
 *       as the last (1 s, 2 s, 4 s, ... up to 15 minutes), so a botnet gets a few dozen guesses an hour.</li>
 * </ul>
 * A browser that has signed in to the account before (a valid known-device cookie, {@link DeviceCookies}) is
 * counted on its own (5 failures), never by the account or by the address it shares with others (a household's
 * NAT, or a proxy before server.trustedProxies is set), as OWASP suggests: an attacker elsewhere, or next door,
 * cannot lock the host out.
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

    /**
     * Whether one attempt may check a password, and when to try again if not.
     *
     * @param busy refused only because other attempts are being checked: worth asking again in a moment
     */
    public record Decision(boolean allowed, Duration retryAfter, String reason, boolean busy) {
        static Decision allow() {
            return new Decision(true, Duration.ZERO, null, false);
        }

        static Decision refuse(Duration retryAfter, String reason) {
            return new Decision(false, retryAfter, reason, false);
        }

        static Decision waitForChecks() {
            return new Decision(false, Duration.ofSeconds(1), "other sign-ins are being checked", true);
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
            return device != null ? List.of(deviceBucket()) : List.of(pair(), addressBucket(), accountBucket());
        }
    }

    /**
     * Decides, atomically, whether this attempt may check its password; if so it is counted as being checked
     * until the caller says how it went: {@link #failed}, {@link #succeeded} or {@link #notChecked}.
     */
    public Decision begin(Attempt attempt) {
        long now = clock.millis();
        return db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            Map<String, LoginAttemptRecord> byBucket = locked(t, attempt, now);
            Decision refused = refusal(attempt, byBucket, now);
            if (refused != null) {
                return refused;
            }
            for (LoginAttemptRecord row : byBucket.values()) {
                Integer limit = limitOf(attempt, row.getBucket());
                if (limit != null && row.getFailures() + row.getChecking() >= limit) {
                    return Decision.waitForChecks();
                }
            }
            for (LoginAttemptRecord row : byBucket.values()) {
                row.setChecking(row.getChecking() + 1);
                t.executeUpdate(row);
            }
            return Decision.allow();
        });
    }

    /** The attempt's buckets, made when missing, locked, and started afresh when their window has passed. */
    private static Map<String, LoginAttemptRecord> locked(DSLContext t, Attempt attempt, long now) {
        for (String bucket : attempt.buckets()) {
            t.insertInto(
                            LOGIN_ATTEMPT,
                            LOGIN_ATTEMPT.BUCKET,
                            LOGIN_ATTEMPT.WINDOW_START,
                            LOGIN_ATTEMPT.FAILURES,
                            LOGIN_ATTEMPT.BLOCKED_UNTIL,
                            LOGIN_ATTEMPT.CHECKING)
                    .values(bucket, now, 0, 0L, 0)
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
                // Checks still counted from a window ago were cut off (a crash): they count no more.
                row.setWindowStart(now);
                row.setFailures(0);
                row.setChecking(0);
            }
            byBucket.put(row.getBucket(), row);
        }
        return byBucket;
    }

    /** The failures a bucket may have, or null for the account's, which slows down instead of stopping. */
    private static Integer limitOf(Attempt attempt, String bucket) {
        if (bucket.equals(attempt.pair())) {
            return MAX_PER_ACCOUNT_AND_ADDRESS;
        }
        if (bucket.equals(attempt.addressBucket())) {
            return MAX_PER_ADDRESS;
        }
        if (bucket.equals(attempt.deviceBucket())) {
            return MAX_PER_DEVICE;
        }
        return null;
    }

    /** The password was checked and is wrong: now it is a failure, and the account's backoff grows. */
    public void failed(Attempt attempt) {
        long now = clock.millis();
        db.transaction(tx -> {
            DSLContext t = tx.dsl();
            for (LoginAttemptRecord row : locked(t, attempt, now).values()) {
                row.setChecking(Math.max(0, row.getChecking() - 1));
                row.setFailures(row.getFailures() + 1);
                if (row.getBucket().equals(attempt.accountBucket())) {
                    // The account's window slides: it ends 15 minutes after the last failure.
                    row.setWindowStart(now);
                    row.setBlockedUntil(now + backoffAfter(row.getFailures()).toMillis());
                }
                t.executeUpdate(row);
            }
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
            refusals.add(Decision.refuse(
                    Duration.ofMillis(account.getBlockedUntil() - now),
                    "too many failures for this account; it waits before each attempt"));
        }
        return refusals.stream()
                .max(java.util.Comparator.comparing(Decision::retryAfter))
                .orElse(null);
    }

    private static Decision windowEnds(LoginAttemptRecord row, long now, String reason) {
        return Decision.refuse(Duration.ofMillis(row.getWindowStart() + WINDOW.toMillis() - now), reason);
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

    /** The password matched: the check is done, and the account's own counts start again. */
    public void succeeded(Attempt attempt) {
        done(attempt);
        db.deleteFrom(LOGIN_ATTEMPT)
                .where(LOGIN_ATTEMPT.BUCKET.in(attempt.pair(), attempt.accountBucket(), attempt.deviceBucket()))
                .execute();
    }

    /** The password was never checked (the server was too busy): the attempt counts for nothing. */
    public void notChecked(Attempt attempt) {
        done(attempt);
    }

    private void done(Attempt attempt) {
        db.update(LOGIN_ATTEMPT)
                .set(LOGIN_ATTEMPT.CHECKING, LOGIN_ATTEMPT.CHECKING.minus(1))
                .where(LOGIN_ATTEMPT.BUCKET.in(attempt.buckets()))
                .and(LOGIN_ATTEMPT.CHECKING.gt(0))
                .execute();
    }
}
