package org.castkeeper.feed;

import java.util.Optional;
import org.castkeeper.catalogue.Publication;
import org.castkeeper.catalogue.PublicationCache;
import org.castkeeper.http.Exchange;
import org.castkeeper.http.HttpCaching;

/**
 * GET and HEAD /feed.xml (and /feed.xml?page=N when the feed is paged). Most requests are podcatchers' conditional
 * polls: they get a 304 from cached validators without any work; the rest get cached bytes in one write.
 */
public final class FeedController {
    public static final String CONTENT_TYPE = "application/rss+xml; charset=utf-8";
    /** Short enough that a CDN or podcatcher picks up a new episode within a minute. */
    static final String CACHE_CONTROL = "public, max-age=60";

    private static final Exchange.Header CONTENT_TYPE_HEADER = Exchange.field("Content-Type", CONTENT_TYPE);
    private static final Exchange.Header CACHE_CONTROL_HEADER = Exchange.field("Cache-Control", CACHE_CONTROL);
    private static final Exchange.Header VARY_HEADER = Exchange.field("Vary", "Accept-Encoding");
    private static final Exchange.Header GZIP_HEADER = Exchange.field("Content-Encoding", "gzip");

    private final FeedCache cache;
    private final PublicationCache publications;
    private final FeedPolls polls;

    /**
     * @param publications what is published now, for the show's settings (has the feed moved?)
     * @param polls        told of each poll's User-Agent (subscriber counts)
     */
    public FeedController(FeedCache cache, PublicationCache publications, FeedPolls polls) {
        this.cache = cache;
        this.publications = publications;
        this.polls = polls;
    }

    /**
     * Answers from memory when the feed page asked for is already built for what is published now, without
     * waiting on anything (no database, no rendering): the conditional polls that are most of the traffic take
     * this path. Returns false, having touched nothing, when {@link #serve} must do the work on a worker thread.
     */
    public boolean serveFromMemory(Exchange exchange) {
        Publication published = publications.latest();
        if (published == null) {
            return false;
        }
        if (published.show().newFeedUrl() != null) {
            serve(exchange);
            return true;
        }
        int page = pageNumber(exchange.query("page"));
        CachedFeed feed = page < 1 ? null : cache.pageIfBuilt(page);
        if (feed == null) {
            return false;
        }
        polls.polled(exchange.header("User-Agent"));
        respond(exchange, feed);
        return true;
    }

    public void serve(Exchange exchange) {
        // The feed's new address (show.newFeedUrl) as the show's settings say now, or null while it lives here.
        String movedTo = publications.latestOrLoad().show().newFeedUrl();
        if (movedTo != null) {
            // The feed has moved: a permanent redirect, which Apple and podcatchers follow and remember.
            // The new feed's itunes:new-feed-url names the same address for those that read it.
            exchange.header("Location", movedTo).header("Cache-Control", "public, max-age=3600");
            exchange.text(301, "This feed has moved to " + movedTo);
            return;
        }
        polls.polled(exchange.header("User-Agent"));
        int page = pageNumber(exchange.query("page"));
        Optional<CachedFeed> found = page < 1 ? Optional.empty() : cache.page(page);
        if (found.isEmpty()) {
            exchange.text(404, "No such feed page");
            return;
        }
        respond(exchange, found.get());
    }

    private static void respond(Exchange exchange, CachedFeed feed) {
        boolean gzip = HttpCaching.acceptsGzip(exchange.header("Accept-Encoding"));
        CachedFeed.Headers made = feed.headers();
        exchange.header(gzip ? made.gzipEtag() : made.etag())
                .header(made.lastModified())
                .header(CACHE_CONTROL_HEADER)
                .header(VARY_HEADER);
        Exchange.Header length = gzip ? made.gzipLength() : made.length();
        if (HttpCaching.notModified(exchange, feed.lastModified(), feed.etag(), feed.gzipEtag())) {
            exchange.notModified();
            return;
        }
        exchange.header(CONTENT_TYPE_HEADER);
        if (gzip) {
            exchange.header(GZIP_HEADER);
        }
        exchange.status(200);
        exchange.send(gzip ? feed.gzip() : feed.xml(), length);
    }

    private static int pageNumber(String value) {
        if (value == null) {
            return 1;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
