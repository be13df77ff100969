package org.castkeeper.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashes, in the PHC string format, with OWASP's parameters: 19 MiB of memory, 2 passes, one
 * lane. The parameters live in each hash, so raising them later still verifies old hashes.
 */
public final class Passwords {
    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    static final int HASH_BYTES = 32;
    static final int SALT_BYTES = 16;
    /** Shorter passwords are refused when an account is made. */
    public static final int MIN_LENGTH = 10;

    private static final Argon2Function ARGON2ID =
            Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES, Argon2.ID);
    /** Verified against when the account does not exist, so a wrong name takes as long as a wrong password. */
    private static final String DUMMY = hash("not a real password, only for timing");

    private Passwords() {
    }

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(ARGON2ID).getResult();
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
