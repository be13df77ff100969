package org.castkeeper.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    @Test
    void theAccountBackoffDoublesAfterTheFreeFailuresUpToTheWindow() {
        assertThat(LoginThrottle.backoffAfter(1)).isZero();
        assertThat(LoginThrottle.backoffAfter(LoginThrottle.ACCOUNT_FREE_FAILURES))
                .isZero();
        assertThat(LoginThrottle.backoffAfter(11)).isEqualTo(Duration.ofSeconds(1));
        assertThat(LoginThrottle.backoffAfter(12)).isEqualTo(Duration.ofSeconds(2));
        assertThat(LoginThrottle.backoffAfter(13)).isEqualTo(Duration.ofSeconds(4));
        assertThat(LoginThrottle.backoffAfter(20)).isEqualTo(Duration.ofSeconds(512));
        assertThat(LoginThrottle.backoffAfter(21)).isEqualTo(LoginThrottle.MAX_BACKOFF);
        assertThat(LoginThrottle.backoffAfter(5_000)).isEqualTo(LoginThrottle.MAX_BACKOFF);
    }
}
