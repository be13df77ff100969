package org.castkeeper.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {
    @Test
    void argon2idWithOwaspParametersAndARandomSalt() {
        // Production's parameters, whatever cheap ones the rest of the suite hashes with.
        String hash = Passwords.hash("correct horse battery", Passwords.OWASP);
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(Passwords.hash("correct horse battery", Passwords.OWASP)).isNotEqualTo(hash);
        assertThat(Passwords.verify("correct horse battery", hash)).isTrue();
        assertThat(Passwords.verify("Correct horse battery", hash)).isFalse();
        assertThat(Passwords.verify("correct horse battery", "plain text")).isFalse();
        assertThat(Passwords.verify(null, hash)).isFalse();
    }

    @Test
    void shortPasswordsAreRefused() {
        assertThat(Passwords.weakness("short")).isEqualTo("Use at least 10 characters.");
        assertThat(Passwords.weakness("          ")).isEqualTo("A password cannot be only spaces.");
        assertThat(Passwords.weakness("long enough now")).isNull();
    }

    @Test
    void tokensAreLongRandomAndComparedWhole() {
        String a = Tokens.random();
        assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(Tokens.random());
        assertThat(Tokens.same(a, a)).isTrue();
        assertThat(Tokens.same(a, a.substring(1))).isFalse();
        assertThat(Tokens.same(null, a)).isFalse();
    }

    @Test
    void theSuiteHashesWithCheapParametersThatStillVerify() {
        String cheap = Passwords.hash("correct horse battery");
        assertThat(cheap).startsWith("$argon2id$v=19$m=" + Passwords.MEMORY_KIB + ",t=" + Passwords.ITERATIONS + ",");
        assertThat(Passwords.verify("correct horse battery", cheap)).isTrue();
    }
}
