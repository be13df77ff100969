package org.castkeeper.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashes, in the PHC string format, with OWASP's parameters: 19 MiB of memory, 2 passes, one
 * lane. The parameters live in each hash, so raising them later still verifies old hashes.
 *
 * <p>The test suite hashes thousands of passwords; it sets the system properties {@code castkeeper.argon2.memoryKiB}
 * and {@code castkeeper.argon2.iterations} to cheap values (see pom.xml), and PasswordsTest checks OWASP's own
 * parameters. A server started with other values says so in its log.
 */
public final class Passwords {
    static final int MEMORY_KIB = Integer.getInteger("castkeeper.argon2.memoryKiB", 19 * 1024);
    static final int ITERATIONS = Integer.getInteger("castkeeper.argon2.iterations", 2);
    static final int PARALLELISM = 1;
    static final int HASH_BYTES = 32;
    static final int SALT_BYTES = 16;
    /** Shorter passwords are refused when an account is made. */
    public static final int MIN_LENGTH = 10;

    private static final Argon2Function ARGON2ID =
            Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES, Argon2.ID);
    /** OWASP's parameters, whatever the properties say: what production uses. */
    static final Argon2Function OWASP = Argon2Function.getInstance(19 * 1024, 2, PARALLELISM, HASH_BYTES, Argon2.ID);

    static {
        if (MEMORY_KIB != 19 * 1024 || ITERATIONS != 2) {
            org.slf4j.LoggerFactory.getLogger(Passwords.class)
                    .warn(
                            "Passwords are hashed with test parameters "
                                    + "({} KiB, {} passes), not OWASP's: fine for tests, not for a real server",
                            MEMORY_KIB,
                            ITERATIONS);
        }
    }
    /** Verified against when the account does not exist, so a wrong name takes as long as a wrong password. */
    private static final String DUMMY = hash("not a real password, only for timing");

    private Passwords() {}

    public static String hash(String password) {
        return hash(password, ARGON2ID);
    }

    static String hash(String password, Argon2Function function) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(function).getResult();
    }

    public static boolean verify(String password, String hash) {
        if (password == null || hash == null || !hash.startsWith("$argon2")) {
            return false;
        }
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }

    /** Spends the same time as a real verification, for unknown accounts. */
    static void verifyNothing(String password) {
        verify(password == null ? "" : password, DUMMY);
    }

    /** Null when the password is acceptable, else why not. */
    public static String weakness(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "Use at least " + MIN_LENGTH + " characters.";
        }
        if (password.isBlank()) {
            return "A password cannot be only spaces.";
        }
        return null;
    }
}
