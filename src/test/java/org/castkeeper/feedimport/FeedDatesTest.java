package org.castkeeper.feedimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedDatesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Thu, 14 Mar 2024 09:30:15 +0000 | 2024-03-14T09:30:15Z",
                "14 Mar 2024 09:30:15 GMT        | 2024-03-14T09:30:15Z",
                "Thu, 14 Mar 2024 09:30 +0000    | 2024-03-14T09:30:00Z",
                // A weekday that contradicts the date: the date wins.
                "Mon, 14 Mar 2024 09:30:15 +0000 | 2024-03-14T09:30:15Z",
                "Thu, 14 Mar 24 09:30:15 GMT     | 2024-03-14T09:30:15Z",
                "Thu, 14 March 2024 09:30:15 EST | 2024-03-14T14:30:15Z",
                "Thu, 14 Mar 2024 09:30:15 PDT   | 2024-03-14T16:30:15Z",
                "Thu, 14 Mar 2024 09:30:15 CEST  | 2024-03-14T07:30:15Z",
                "Thu, 14 Mar 2024 09:30:15 AEST  | 2024-03-13T23:30:15Z",
                "Thu, 14 Mar 2024 09:30:15 +05:30 | 2024-03-14T04:00:15Z",
                "Thu, 14 Mar 2024 09:30:15 -0500 | 2024-03-14T14:30:15Z",
                "Thu, 14 Mar 2024 09:30:15       | 2024-03-14T09:30:15Z",
                "Thu, 4 Mar 2024 09:30:15 UT     | 2024-03-04T09:30:15Z",
                "Thu, 14 Mar 2024 09:30:15 +0000 (UTC) | 2024-03-14T09:30:15Z",
                "2024-03-14T09:30:15Z            | 2024-03-14T09:30:15Z",
                "2024-03-14T09:30:15+01:00       | 2024-03-14T08:30:15Z",
                "2024-03-14T09:30:15.250Z        | 2024-03-14T09:30:15.250Z",
                "2024-03-14 09:30:15 +0100       | 2024-03-14T08:30:15Z",
                "2024-03-14 09:30:15             | 2024-03-14T09:30:15Z",
                "2024-03-14                      | 2024-03-14T00:00:00Z",
                "Do, 14 Mär 2024 09:30:15 +0100  | 2024-03-14T08:30:15Z",
                "Di, 01 Okt 2024 09:30:15 +0200  | 2024-10-01T07:30:15Z",
                "jeu., 14 févr. 2024 09:30:15 +0100 | 2024-02-14T08:30:15Z",
                "mer, 3 juil 2024 09:30:15 +0200 | 2024-07-03T07:30:15Z",
                "jue, 14 ene 2024 09:30:15 +0100 | 2024-01-14T08:30:15Z",
                "gio, 14 giu 2024 09:30:15 +0200 | 2024-06-14T07:30:15Z",
                "qui, 14 out 2024 09:30:15 -0300 | 2024-10-14T12:30:15Z",
                "do, 14 mrt 2024 09:30:15 +0100  | 2024-03-14T08:30:15Z",
                "March 14, 2024 09:30:15 EST     | 2024-03-14T14:30:15Z",
                "Thu,  14  Mar  2024  09:30:15  +0000 | 2024-03-14T09:30:15Z",
            })
    void readsDatesAsFeedsWriteThem(String raw, String expected) {
        assertThat(FeedDates.parse(raw)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "yesterday", "Thu, 31 Feb 2024 09:30:15 +0000", "14 Foo 2024", "Thu, 14 Mar 2024 25:00"})
    void unreadableDatesAreNull(String raw) {
        assertThat(FeedDates.parse(raw)).isNull();
    }
}
