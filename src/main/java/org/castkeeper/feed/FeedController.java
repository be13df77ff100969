package org.castkeeper.feed;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.castkeeper.web.HttpCaching;

/**
 * GET and HEAD /feed.xml (and /feed.xml?page=N when the feed is paged). Most requests are podcatchers' conditional
 * polls: they get a 304 from cached validators without any work.
 */
public final class FeedController {
    public static final String CONTENT_TYPE = "application/rss+xml; charset=utf-8";
    /** Short enough that a CDN or podcatcher picks up a new episode within a minute. */
    static final String CACHE_CONTROL = "public, max-age=60";

    private final FeedCache cache;

    public FeedController(FeedCache cache) {
        this.cache = cache;
    }

    public void get(Context ctx) {
        serve(ctx, true);
    }

    public void head(Context ctx) {
        serve(ctx, false);
    }

    private void serve(Context ctx, boolean body) {
        int page = pageNumber(ctx.queryParam("page"));
        Optional<CachedFeed> found = page < 1 ? Optional.empty() : cache.page(page);
        if (found.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).result("No such feed page");
            return;
        }
        CachedFeed feed = found.get();
        boolean gzip = HttpCaching.acceptsGzip(ctx.header("Accept-Encoding"));
        String etag = gzip ? feed.gzipEtag() : feed.etag();
        ctx.header("ETag", etag);
        ctx.header("Last-Modified", HttpCaching.httpDate(feed.lastModified()));
        ctx.header("Cache-Control", CACHE_CONTROL);
        ctx.header("Vary", "Accept-Encoding");
        if (HttpCaching.notModified(ctx, feed.lastModified(), feed.etag(), feed.gzipEtag())) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        byte[] bytes = gzip ? feed.gzip() : feed.xml();
        ctx.contentType(CONTENT_TYPE);
        if (gzip) {
            ctx.header("Content-Encoding", "gzip");
        }
        if (body) {
            ctx.result(bytes);
        } else {
            ctx.res().setContentLength(bytes.length);
        }
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
