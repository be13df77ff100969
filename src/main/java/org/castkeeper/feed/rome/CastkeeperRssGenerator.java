package org.castkeeper.feed.rome;

import com.rometools.rome.io.impl.RSS20Generator;

/**
 * RSS 2.0, under a feed type of Castkeeper's own. Rome looks up module generators by feed type, so the type's
 * generator list in our rome.properties is the complete list: no other jar's generator for the same namespace can
 * slip in ahead of ours (Rome lets the last registration of a namespace win, in classpath order).
 */
public final class CastkeeperRssGenerator extends RSS20Generator {
    public static final String FEED_TYPE = "rss_2.0_castkeeper";

    public CastkeeperRssGenerator() {
        super(FEED_TYPE, "2.0");
    }
}
