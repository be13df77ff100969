package org.castkeeper.feed;

import java.math.BigDecimal;

/** Times as the Podcasting 2.0 tags and the JSON chapters format write them: seconds, e.g. 73.5 or 600. */
public final class Seconds {
    private Seconds() {}

    /** Exact seconds with up to three decimals and no trailing zeros. */
    public static BigDecimal fromMillis(long millis) {
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros();
    }
}
