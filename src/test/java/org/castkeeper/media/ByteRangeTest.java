package org.castkeeper.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteRangeTest {
    private static final long SIZE = 1000;

    @ParameterizedTest(name = "{0} -> {1}-{2}")
    @CsvSource({
        "'bytes=0-1',       0,   1",
        "'bytes=100-',    100, 999",
        "'bytes=-500',    500, 999",
        "'bytes=-5000',     0, 999",
        "'bytes=990-2000', 990, 999",
        "'BYTES=5-9',       5,   9",
        "'bytes= 10 - 19 ', 10, 19",
        "'bytes=999-999', 999, 999"
    })
    void satisfiableRanges(String header, long first, long last) {
        assertThat(ByteRange.parse(header, SIZE)).isEqualTo(new ByteRange(first, last));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"'bytes=1000-'", "'bytes=5000-6000'", "'bytes=-0'"})
    void unsatisfiableRangesAre416(String header) {
        assertThat(ByteRange.parse(header, SIZE)).isSameAs(ByteRange.UNSATISFIABLE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"'items=0-1'", "'bytes=5-1'", "'bytes=abc'", "'bytes=0-1,5-9'", "'bytes='", "'bytes=--5'", "'0-1'"})
    void malformedOrMultipleRangesAreIgnoredSoTheWholeFileIsSent(String header) {
        assertThat(ByteRange.parse(header, SIZE)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"'bytes=0-0'", "'bytes=-1'"})
    void anEmptyFileHasNoSatisfiableRange(String header) {
        assertThat(ByteRange.parse(header, 0)).isSameAs(ByteRange.UNSATISFIABLE);
    }

    @org.junit.jupiter.api.Test
    void contentRangeHeader() {
        assertThat(new ByteRange(100, 999).contentRange(SIZE)).isEqualTo("bytes 100-999/1000");
        assertThat(new ByteRange(100, 999).length()).isEqualTo(900);
    }
}
