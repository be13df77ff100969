package org.castkeeper.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HttpCachingTest {
    @Test
    void gzipIsAcceptedUnlessRefused() {
        assertThat(HttpCaching.acceptsGzip("gzip, deflate, br")).isTrue();
        assertThat(HttpCaching.acceptsGzip("br;q=1.0, gzip;q=0.8")).isTrue();
        assertThat(HttpCaching.acceptsGzip("*")).isTrue();
        assertThat(HttpCaching.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(HttpCaching.acceptsGzip("identity")).isFalse();
        assertThat(HttpCaching.acceptsGzip(null)).isFalse();
    }

    @Test
    void ifNoneMatchUsesWeakComparisonAndLists() {
        assertThat(HttpCaching.matchesAny("\"a\"", "\"a\"")).isTrue();
        assertThat(HttpCaching.matchesAny("W/\"a\"", "\"a\"")).isTrue();
        assertThat(HttpCaching.matchesAny("\"x\", \"a-gzip\"", "\"a\"", "\"a-gzip\""))
                .isTrue();
        assertThat(HttpCaching.matchesAny("*", "\"a\"")).isTrue();
        assertThat(HttpCaching.matchesAny("\"b\"", "\"a\"")).isFalse();
    }

    @Test
    void httpDatesRoundTrip() {
        Instant t = Instant.parse("2026-11-23T09:00:00Z");
        assertThat(HttpCaching.httpDate(t)).isEqualTo("Mon, 23 Nov 2026 09:00:00 GMT");
        assertThat(HttpCaching.parseHttpDate("Mon, 23 Nov 2026 09:00:00 GMT")).isEqualTo(t);
        assertThat(HttpCaching.parseHttpDate("yesterday")).isNull();
    }

    @Test
    void httpDatesAreImfFixdateWithATwoDigitDay() {
        Instant t = Instant.parse("2026-12-05T23:00:52Z");
        assertThat(HttpCaching.httpDate(t)).isEqualTo("Sat, 05 Dec 2026 23:00:52 GMT");
        assertThat(HttpCaching.parseHttpDate("Sat, 05 Dec 2026 23:00:52 GMT")).isEqualTo(t);
        // What older versions sent, and what some clients still send back in If-Modified-Since.
        assertThat(HttpCaching.parseHttpDate("Sat, 5 Dec 2026 23:00:52 GMT")).isEqualTo(t);
    }
}
