package org.castkeeper.testing;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ThrowingRunnable;

/**
 * Waits until an assertion holds, for what another thread finishes (a background rebuild, a notification). The
 * bound is generous: it is how long to wait before calling it a failure, never a timing the test expects.
 */
public final class Eventually {
    public static final Duration BOUND = Duration.ofSeconds(20);

    private Eventually() {}

    public static void assertThatEventually(ThrowingRunnable assertion) {
        Awaitility.await().atMost(BOUND).pollInterval(Duration.ofMillis(20)).untilAsserted(assertion);
    }
}
