package org.castkeeper.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The readiness check of enclosures behind a redirect: where to is said; a permanent one fails. */
class MediaRedirectsCheckTest {
    private static final FeedFacts.Item ITEM = new FeedFacts.Item(
            "Sleep", "g", "https://show.example/media/a.mp3", 10, "audio/mpeg", false, false, List.of());

    @Test
    void servedHereOrThroughATemporaryRedirectPasses() {
        assertThat(ReadinessChecks.redirects(List.of(new MediaProbe.Result(ITEM, null, null))))
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo(Check.Status.PASS);
                    assertThat(c.message()).contains("served here");
                });
        Check cdn = ReadinessChecks.redirects(
                List.of(new MediaProbe.Result(ITEM, null, null, "302 to https://cdn.example.com/media/a.mp3", false)));
        assertThat(cdn.status()).isEqualTo(Check.Status.PASS);
        assertThat(cdn.message()).contains("302 to https://cdn.example.com/media/a.mp3");
    }

    @Test
    void aPermanentRedirectFails() {
        Check permanent = ReadinessChecks.redirects(
                List.of(new MediaProbe.Result(ITEM, null, null, "301 to https://cdn.example.com/media/a.mp3", true)));
        assertThat(permanent.status()).isEqualTo(Check.Status.FAIL);
        assertThat(permanent.message()).contains("\"Sleep\" redirects permanently (301 to https://cdn.example.com");
        assertThat(permanent.fix()).contains("storage.mediaBaseUrl").contains("never a 301");
    }
}
