package org.castkeeper.feed;

import java.math.BigDecimal;

/** Times as the Podcasting 2.0 tags and the JSON chapters format write them: seconds, e.g. 73.5 or 600. */
public final class Seconds {
    private Seconds() {}

    /**
     * Exact seconds with up to three decimals and no trailing zeros, as a plain decimal: 10 seconds is 10, never
     * 1E+1 (which stripping zeros alone gives, and which JSON writers then print).
     */
    public static BigDecimal fromMillis(long millis) {
        BigDecimal seconds = BigDecimal.valueOf(millis, 3).stripTrailingZeros();
        return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
    }
}
