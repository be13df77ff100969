package org.castkeeper.config;

/**
 * How the feed is served.
 *
 * @param itemLimit how many episodes /feed.xml lists; the rest are on RFC 5005 pages linked from it. All when unset.
 */
public record FeedSettings(Integer itemLimit) {
    public static final FeedSettings DEFAULT = new FeedSettings(null);
}
