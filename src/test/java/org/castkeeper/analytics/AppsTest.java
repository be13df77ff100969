package org.castkeeper.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppsTest {
    @Test
    void everyRowKnowsTheUserAgentItWasWrittenFrom() {
        for (Apps.App app : Apps.TABLE) {
            String expected = app.name().equals("Castkeeper web player") ? "Browser" : app.name();
            assertThat(Apps.of(app.sample())).as(app.sample()).isEqualTo(expected);
        }
    }

    @Test
    void anUnknownOrMissingAgentIsUnknown() {
        assertThat(Apps.of("curl/8.5.0")).isEqualTo("Unknown");
        assertThat(Apps.of(null)).isEqualTo("Unknown");
        assertThat(Apps.of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Mobile/15E148"))
                .isEqualTo("Browser (phone)");
    }

    @Test
    void aBrowserSentByAPageIsAWebPlayer() {
        String chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/124.0";
        assertThat(Apps.of(chrome, "https://show.example/episodes/one")).isEqualTo("Web player");
        assertThat(Apps.of(chrome, null)).isEqualTo("Browser");
        assertThat(Apps.of("Overcast/3.0", "https://show.example/")).isEqualTo("Overcast");
    }
}
