package org.castkeeper.auth;

import static org.castkeeper.db.generated.Tables.APP_SESSION;
import static org.castkeeper.db.generated.Tables.APP_USER;
import static org.castkeeper.db.generated.Tables.SETUP_TOKEN;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

/**
 * Host accounts and their sessions, stored in the catalogue database.
 */
public final class Accounts {
    public static final Duration SESSION_LIFETIME = Duration.ofDays(14);
    public static final Duration SETUP_LINK_LIFETIME = Duration.ofHours(24);

    /**
     * Argon2id takes 19 MiB a hash: at most this many are computed at once, whatever the number of sign-ins, so
     * a burst of them queues briefly instead of running the server out of memory.
     */
    public static final int HASHES_AT_ONCE = 2;
    /** How long a sign-in waits for its turn to hash before it is told to try again. */
    public static final Duration HASH_WAIT = Duration.ofSeconds(3);

    private final DSLContext db;
    private final Clock clock;
    private final java.util.concurrent.Semaphore hashing;

    public Accounts(DSLContext db, Clock clock) {
        this(db, clock, new java.util.concurrent.Semaphore(HASHES_AT_ONCE, true));
    }

    private Accounts(DSLContext db, Clock clock, java.util.concurrent.Semaphore hashing) {
        this.db = db;
        this.clock = clock;
        this.hashing = hashing;
    }

    /** Thrown when an account cannot be made; the message is for the host. */
    public static final class AccountException extends org.castkeeper.errors.Refusal {
        public AccountException(String message) {
            super(Kind.INVALID, message);
        }
    }

    /** Thrown when {@link #HASHES_AT_ONCE} hashes are being computed and none finished in {@link #HASH_WAIT}. */
    public static final class Busy extends RuntimeException {
        public Busy() {
            super("The server is busy checking other passwords. Try again in a few seconds.");
        }
    }

    /** Runs {@code work} (a password hash or check) once a hashing slot is free. */
    private <T> T hashing(java.util.function.Supplier<T> work) {
        try {
            if (!hashing.tryAcquire(HASH_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        try {
            return work.get();
        } finally {
            hashing.release();
        }
    }

    public User create(String username, String password) throws AccountException {
        String name = normalise(username);
        if (!name.matches("[a-z0-9._@-]{1,64}")) {
            throw new AccountException("Use 1 to 64 letters, digits, dots, dashes, underscores or @ for the name.");
        }
        String weakness = Passwords.weakness(password);
        if (weakness != null) {
            throw new AccountException(weakness);
        }
        try {
            int id = db.insertInto(APP_USER, APP_USER.USERNAME, APP_USER.PASSWORD_HASH, APP_USER.CREATED_AT)
                    .values(name, hashing(() -> Passwords.hash(password)), clock.millis())
                    .returningResult(APP_USER.ID)
                    .fetchSingle()
                    .value1();
            return new User(id, name);
        } catch (IntegrityConstraintViolationException taken) {
            throw new AccountException("There is already an account called " + name + ".");
        }
    }

    /** A host account as the accounts page lists it. */
    public record Account(String username, Instant createdAt) {}

    /** Every host account, oldest first. */
    public java.util.List<Account> list() {
        return db.select(APP_USER.USERNAME, APP_USER.CREATED_AT)
                .from(APP_USER)
                .orderBy(APP_USER.CREATED_AT, APP_USER.ID)
                .fetch(r -> new Account(r.value1(), Instant.ofEpochMilli(r.value2())));
    }

    /**
     * Sets a new password (a forgotten one, from the command line) and signs the account out everywhere, so
     * whoever had the old password has no session left.
     */
    public void setPassword(String username, String password) throws AccountException {
        String name = normalise(username);
        String weakness = Passwords.weakness(password);
        if (weakness != null) {
            throw new AccountException(weakness);
        }
        String hash = hashing(() -> Passwords.hash(password));
        int changed = db.update(APP_USER)
                .set(APP_USER.PASSWORD_HASH, hash)
                .where(APP_USER.USERNAME.eq(name))
                .execute();
        if (changed == 0) {
            throw new AccountException("There is no account called " + name + ".");
        }
        db.deleteFrom(APP_SESSION)
                .where(APP_SESSION.USER_ID.in(
                        db.select(APP_USER.ID).from(APP_USER).where(APP_USER.USERNAME.eq(name))))
                .execute();
    }

    /**
     * The host changes their own password: the current one must be right. Every other session of the account
     * ends; {@code keepToken}'s (the browser that made the change) stays signed in.
     */
    public void changePassword(User user, String current, String next, String keepToken) throws AccountException {
        if (authenticate(user.username(), current).isEmpty()) {
            throw new AccountException("Your current password is not right, so nothing was changed.");
        }
        String weakness = Passwords.weakness(next);
        if (weakness != null) {
            throw new AccountException(weakness);
        }
        String hash = hashing(() -> Passwords.hash(next));
        db.transaction(tx -> {
            tx.dsl()
                    .update(APP_USER)
                    .set(APP_USER.PASSWORD_HASH, hash)
                    .where(APP_USER.ID.eq(user.id()))
                    .execute();
            tx.dsl()
                    .deleteFrom(APP_SESSION)
                    .where(APP_SESSION.USER_ID.eq(user.id()))
                    .and(APP_SESSION.ID_HASH.ne(Tokens.sha256(keepToken)))
                    .execute();
        });
    }

    /** Removes an account and its sessions. The last account cannot go: nobody could sign in any more. */
    public void remove(String username) throws AccountException {
        String name = normalise(username);
        String refusal = db.transactionResult(tx -> {
            if (!tx.dsl().fetchExists(APP_USER, APP_USER.USERNAME.eq(name))) {
                return "There is no account called " + name + ".";
            }
            if (tx.dsl().fetchCount(APP_USER) <= 1) {
                return name + " is the only account: nobody could sign in without it. Add another account first.";
            }
            tx.dsl().deleteFrom(APP_USER).where(APP_USER.USERNAME.eq(name)).execute();
            return null;
        });
        if (refusal != null) {
            throw new AccountException(refusal);
        }
    }

    public boolean anyUser() {
        return db.fetchExists(APP_USER);
    }

    /** The account, when the name and password match. Takes as long when the name is unknown. */
    public Optional<User> authenticate(String username, String password) {
        var row = db.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.PASSWORD_HASH)
                .from(APP_USER)
                .where(APP_USER.USERNAME.eq(normalise(username)))
                .fetchOne();
        if (row == null) {
            return hashing(() -> {
                Passwords.verifyNothing(password);
                return Optional.empty();
            });
        }
        return hashing(() -> Passwords.verify(password, row.value3()))
                ? Optional.of(new User(row.value1(), row.value2()))
                : Optional.empty();
    }

    /** A new session, with a new id: signing in never reuses an id the browser had before. */
    public Session startSession(User user) {
        String token = Tokens.random();
        String csrf = Tokens.random();
        Instant expires = clock.instant().plus(SESSION_LIFETIME);
        db.insertInto(
                        APP_SESSION,
                        APP_SESSION.ID_HASH,
                        APP_SESSION.USER_ID,
                        APP_SESSION.CSRF_TOKEN,
                        APP_SESSION.CREATED_AT,
                        APP_SESSION.EXPIRES_AT)
                .values(Tokens.sha256(token), user.id(), csrf, clock.millis(), expires.toEpochMilli())
                .execute();
        return new Session(token, user, csrf, expires);
    }

    /**
     * Sessions found valid lately, by the hash of their token, until when: lets the server give a signed-in host
     * their own share of the admin's capacity before it reads the database (see {@link #recentlyValid}).
     */
    private final java.util.concurrent.ConcurrentHashMap<String, Long> recentlyValid =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Whether {@code token} was a valid session a moment ago (at most an hour, never past its expiry). Only for
     * sorting requests by who sends them: {@link #session} still decides what a request may do.
     */
    public boolean recentlyValid(String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        Long until = recentlyValid.get(Tokens.sha256(token));
        return until != null && until > clock.millis();
    }

    public Optional<Session> session(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        Optional<Session> found = lookUp(token);
        String hash = Tokens.sha256(token);
        if (found.isPresent()) {
            if (recentlyValid.size() > 10_000) {
                recentlyValid.clear(); // A bound, not a cache policy: hosts are few, and are seen again at once.
            }
            recentlyValid.put(hash, Math.min(found.get().expiresAt().toEpochMilli(), clock.millis() + 3_600_000));
        } else {
            recentlyValid.remove(hash);
        }
        return found;
    }

    private Optional<Session> lookUp(String token) {
        var row = db.select(APP_SESSION.CSRF_TOKEN, APP_SESSION.EXPIRES_AT, APP_USER.ID, APP_USER.USERNAME)
                .from(APP_SESSION)
                .join(APP_USER)
                .on(APP_USER.ID.eq(APP_SESSION.USER_ID))
                .where(APP_SESSION.ID_HASH.eq(Tokens.sha256(token)))
                .fetchOne();
        if (row == null || row.value2() <= clock.millis()) {
            return Optional.empty();
        }
        return Optional.of(new Session(
                token, new User(row.value3(), row.value4()), row.value1(), Instant.ofEpochMilli(row.value2())));
    }

    public void endSession(String token) {
        if (token != null) {
            db.deleteFrom(APP_SESSION)
                    .where(APP_SESSION.ID_HASH.eq(Tokens.sha256(token)))
                    .execute();
        }
    }

    public int removeExpiredSessions() {
        return db.deleteFrom(APP_SESSION)
                .where(APP_SESSION.EXPIRES_AT.le(clock.millis()))
                .execute();
    }

    /** A one-time link token for making the first account; only while there is no account. */
    public String newSetupToken() {
        String token = Tokens.random();
        db.insertInto(SETUP_TOKEN, SETUP_TOKEN.TOKEN_HASH, SETUP_TOKEN.EXPIRES_AT)
                .values(
                        Tokens.sha256(token),
                        clock.instant().plus(SETUP_LINK_LIFETIME).toEpochMilli())
                .execute();
        return token;
    }

    public boolean isSetupTokenValid(String token) {
        return token != null
                && !anyUser()
                && db.fetchExists(
                        SETUP_TOKEN,
                        SETUP_TOKEN.TOKEN_HASH.eq(Tokens.sha256(token)).and(SETUP_TOKEN.EXPIRES_AT.gt(clock.millis())));
    }

    /** Makes the first account with a setup token, which is used up (with every other one) whatever happens. */
    public User createWithSetupToken(String token, String username, String password) throws AccountException {
        try {
            return db.transactionResult(tx -> {
                Accounts inTx = new Accounts(tx.dsl(), clock, hashing);
                if (!inTx.isSetupTokenValid(token)) {
                    throw new Refused(new AccountException("This setup link has expired or was already used."));
                }
                try {
                    User user = inTx.create(username, password);
                    tx.dsl().deleteFrom(SETUP_TOKEN).execute();
                    return user;
                } catch (AccountException e) {
                    throw new Refused(e);
                }
            });
        } catch (Refused e) {
            throw e.reason;
        }
    }

    /** Carries an AccountException out of a jOOQ transaction, which rolls back on it. */
    private static final class Refused extends RuntimeException {
        final AccountException reason;

        Refused(AccountException reason) {
            super(reason.getMessage(), null, false, false);
            this.reason = reason;
        }
    }

    public static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
