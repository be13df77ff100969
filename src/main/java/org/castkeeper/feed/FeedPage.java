package org.castkeeper.feed;

import java.util.List;
import org.castkeeper.catalogue.Episode;

/**
 * One page of the feed (RFC 5005 paging). Page 1 is /feed.xml itself; when no item limit is set it is the only page
 * and holds every live episode.
 */
public record FeedPage(int number, int pageCount, List<Episode> items) {

    /** Splits the live episodes (newest first) into pages of {@code limit}; null means one page with everything. */
    public static FeedPage of(List<Episode> live, Integer limit, int number) {
        if (limit == null || live.size() <= limit) {
            return number == 1 ? new FeedPage(1, 1, live) : null;
        }
        int pages = (live.size() + limit - 1) / limit;
        if (number < 1 || number > pages) {
            return null;
        }
        int from = (number - 1) * limit;
        return new FeedPage(number, pages, live.subList(from, Math.min(live.size(), from + limit)));
    }

    public boolean isPaged() {
        return pageCount > 1;
    }
}
