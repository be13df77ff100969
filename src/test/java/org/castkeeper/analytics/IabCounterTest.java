package org.castkeeper.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per rule of the IAB guidelines as IabCounter applies them; the numbers are worked out by hand. */
class IabCounterTest {
    /** A 60 MB episode of an hour: one minute is 1,000,000 bytes. */
    private static final long SIZE = 60_000_000;

    private static final int HOUR = 3600;
    private static final LocalDate DAY = LocalDate.of(2026, 12, 6);
    private static final String OVERCAST = "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)";

    private static IabCounter.Request r(String listener, long first, long last) {
        return r(listener, "home", DAY, OVERCAST, first, last, SIZE, HOUR);
    }

    private static IabCounter.Request r(
            String listener,
            String address,
            LocalDate day,
            String agent,
            long first,
            long last,
            long size,
            int seconds) {
        return new IabCounter.Request(listener, address, 1, day, agent, first, last, size, seconds);
    }

    private static int count(IabCounter.Request... requests) {
        return IabCounter.count(List.of(requests)).downloads().size();
    }

    @Test
    void oneDownloadPerListenerEpisodeAndDayHoweverManyRequests() {
        assertThat(count(r("a", 0, SIZE - 1), r("a", 0, SIZE - 1), r("a", 0, 999_999)))
                .isEqualTo(1);
        assertThat(count(r("a", 0, SIZE - 1), r("b", 0, SIZE - 1))).isEqualTo(2);
        assertThat(count(
                        r("a", "home", DAY, OVERCAST, 0, SIZE - 1, SIZE, HOUR),
                        r("a", "home", DAY.plusDays(1), OVERCAST, 0, SIZE - 1, SIZE, HOUR)))
                .isEqualTo(2);
    }

    @Test
    void rangesAreMergedNeverSummed() {
        // Three chunks of 400,000 bytes re-fetching the same start: 1.2 MB asked, 400,000 bytes covered.
        assertThat(count(r("a", 0, 399_999), r("a", 0, 399_999), r("a", 0, 399_999)))
                .isZero();
        // Overlapping chunks: 0-599,999 and 500,000-1,099,999 cover 1,100,000 bytes: over a minute.
        assertThat(count(r("a", 0, 599_999), r("a", 500_000, 1_099_999))).isEqualTo(1);
    }

    @Test
    void itCountsAtOneMinuteOfAudio() {
        assertThat(count(r("a", 0, 999_998))).isZero();
        assertThat(count(r("a", 0, 999_999))).isEqualTo(1);
        // Apple's two-byte probe never counts.
        assertThat(count(r("a", 0, 1))).isZero();
    }

    @Test
    void anEpisodeUnderAMinuteCountsWhenSentWhole() {
        long small = 300_000; // 30 seconds
        assertThat(count(r("a", "home", DAY, OVERCAST, 0, small - 1, small, 30)))
                .isEqualTo(1);
        assertThat(count(r("a", "home", DAY, OVERCAST, 0, small - 2, small, 30)))
                .isZero();
    }

    @Test
    void botsAreNotCounted() {
        assertThat(count(r("a", "x", DAY, "Googlebot/2.1 (+http://www.google.com/bot.html)", 0, SIZE - 1, SIZE, HOUR)))
                .isZero();
        assertThat(count(r("a", "x", DAY, "curl/8.5.0", 0, SIZE - 1, SIZE, HOUR)))
                .isZero();
    }

    @Test
    void theWatchRepeatingThePhoneCountsOnce() {
        String phone = "AppleCoreMedia/1.0.0.21E236 (iPhone; U; CPU OS 17_4 like Mac OS X; en_us)";
        String watch = "AppleCoreMedia/1.0.0.21R355 (Watch; U; CPU OS 10_4 like Mac OS X; watchOS 10.4)";
        assertThat(count(
                        r("phone", "home", DAY, phone, 0, SIZE - 1, SIZE, HOUR),
                        r("watch", "home", DAY, watch, 0, SIZE - 1, SIZE, HOUR)))
                .isEqualTo(1);
        // The watch on its own, or at another address, is a listener of its own.
        assertThat(count(r("watch", "gym", DAY, watch, 0, SIZE - 1, SIZE, HOUR)))
                .isEqualTo(1);
    }

    @Test
    void oneAddressBehindAnUnusualShareIsFlaggedAndStillCounted() {
        List<IabCounter.Request> requests = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            requests.add(r("same-" + i, "one-address", DAY, OVERCAST + " " + i, 0, SIZE - 1, SIZE, HOUR));
        }
        for (int i = 0; i < 20; i++) {
            requests.add(r("other-" + i, "address-" + i, DAY, OVERCAST, 0, SIZE - 1, SIZE, HOUR));
        }
        IabCounter.Result result = IabCounter.count(requests);
        assertThat(result.downloads()).hasSize(32);
        assertThat(result.anomalies()).singleElement().satisfies(a -> {
            assertThat(a.address()).isEqualTo("one-address");
            assertThat(a.downloads()).isEqualTo(12);
            assertThat(a.ofAll()).isEqualTo(32);
        });
    }
}
