package org.castkeeper.feed;

/** Lets tests in other packages encode a stored path exactly as the feed does. */
public final class FeedUrlsAccess {
    private FeedUrlsAccess() {
    }

    public static String encode(String storedPath) {
        return FeedUrls.encodePath(storedPath);
    }
}
