package org.castkeeper.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shipped crawler-user-agents list, read by Java's regular expressions, and our apps never taken for bots. */
class BotsTest {
    @Test
    void everyPatternOfTheListCompilesInJavaAndMatchesItsOwnExamples() {
        Map<String, List<String>> examples = Bots.examples();
        assertThat(examples).hasSizeGreaterThan(1000);
        for (Map.Entry<String, List<String>> e : examples.entrySet()) {
            Pattern p = Pattern.compile(e.getKey());
            for (String ua : e.getValue()) {
                assertThat(p.matcher(ua).find()).as(e.getKey() + " on " + ua).isTrue();
            }
        }
    }

    @Test
    void knownBotsAreBots() {
        assertThat(Bots.isBot("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"))
                .isTrue();
        assertThat(Bots.isBot("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"))
                .isTrue();
        assertThat(Bots.isBot("curl/8.5.0")).isTrue();
        assertThat(Bots.isBot("python-requests/2.31.0")).isTrue();
    }

    @Test
    void noAppOfOurTableIsABotEvenWhereTheListNamesItsFeedCrawler() {
        for (Apps.App app : Apps.TABLE) {
            assertThat(Bots.isBot(app.sample())).as(app.name()).isFalse();
        }
        // The list names "Overcast/" (its feed crawler); the app downloading on a phone is a listener.
        assertThat(Bots.isBot("Overcast/3.0 (+http://overcast.fm/; iOS podcast app)"))
                .isFalse();
        assertThat(Bots.isBot("AppleCoreMedia/1.0.0.21T216 (Apple Watch; U; CPU OS 10_4 like Mac OS X; en_us)"))
                .isFalse();
        assertThat(Bots.isBot(null)).isFalse();
        assertThat(Bots.isBot("")).isFalse();
    }
}
