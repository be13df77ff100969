package org.castkeeper.web;

import org.castkeeper.feed.FeedController;
import org.castkeeper.feed.FeedUrls;
import org.castkeeper.http.Exchange;
import org.castkeeper.media.MediaController;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.URIUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The podcatcher hot path: GET and HEAD of /feed.xml, /media/*, /artwork/* and /health, handled by Jetty's core
 * API in front of Javalin's servlet. These URLs take nearly all of the traffic (thousands of polls a day, every play and
 * download). Everything else falls through to Javalin's routes.
 *
 * <p>This handler declares itself non-blocking, so Jetty calls it on the network (selector) thread that read the
 * request, with no hand-over to another thread. A feed request that can be answered from memory (nearly all of
 * them: a 304 or the cached bytes) is answered right there, which is what lets the feed keep pace with nginx
 * serving a static file (see scripts/bench-feed). Anything that may wait (the database, rendering the feed,
 * reading a file, Javalin's blocking servlet) is handed to a worker thread first: the network thread must never
 * block, or every connection it serves stalls.
 */
final class PodcatcherHandler extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger(PodcatcherHandler.class);
    private static final String MEDIA = "/media/";
    private static final String ARTWORK = "/artwork/";
    private static final String HEALTH = "/health";
    /** On every response: never guess a type from the bytes, and send only the origin to other sites. */
    static final HttpField NOSNIFF = new PreEncodedHttpField("X-Content-Type-Options", "nosniff");

    static final HttpField REFERRER = new PreEncodedHttpField("Referrer-Policy", "strict-origin-when-cross-origin");
    /** The embeddable player's pages: the only ones another site may frame. */
    static final String EMBED = "/embed/";

    private static final HttpField NO_FRAMES = new PreEncodedHttpField("X-Frame-Options", "DENY");

    private final FeedController feed;
    private final MediaController media;
    private final Health health;
    private final HttpField contentSecurityPolicy;
    private final HttpField embedPolicy;

    /** Whether this instance can serve: the database answers and the feed is built. */
    interface Health {
        /** Null when healthy, else what is wrong in a few words. */
        String problem();
    }

    /**
     * @param mediaOrigin where the site's pages load artwork and audio from besides their own origin (the
     *                    public URL's origin, for an admin opened at another address), or null
     */
    PodcatcherHandler(FeedController feed, MediaController media, Health health, String mediaOrigin) {
        this.feed = feed;
        this.media = media;
        this.health = health;
        this.contentSecurityPolicy =
                new PreEncodedHttpField("Content-Security-Policy", contentSecurityPolicy(mediaOrigin));
        this.embedPolicy = new PreEncodedHttpField(
                "Content-Security-Policy",
                contentSecurityPolicy(mediaOrigin).replace("frame-ancestors 'none'", "frame-ancestors *"));
    }

    /**
     * Scripts and styles only from our own files (no inline code anywhere), nothing framed, forms only to us. The
     * embeddable player ({@value #EMBED}…) is the one exception to "nothing framed": any site may show it.
     */
    static String contentSecurityPolicy(String mediaOrigin) {
        String media = mediaOrigin == null ? "'self'" : "'self' " + mediaOrigin;
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src " + media + " data: blob:; media-src "
                + media + "; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                + "form-action 'self'";
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        response.getHeaders().add(NOSNIFF);
        response.getHeaders().add(REFERRER);
        String method = request.getMethod();
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        String path = Request.getPathInContext(request);
        if (read && path.equals(FeedUrls.FEED_PATH)) {
            Exchange exchange = new Exchange(request, response, callback);
            boolean answered;
            try {
                answered = feed.serveFromMemory(exchange);
            } catch (RuntimeException e) {
                failed(request, exchange, e);
                answered = true;
            }
            if (!answered) {
                onWorker(request, exchange, feed::serve);
            }
        } else if (read && path.startsWith(MEDIA)) {
            // Jetty's canonical path keeps some characters percent-encoded (a space stays %20): decode it once,
            // as the feed encoded the stored name once.
            String name = URIUtil.decodePath(path.substring(MEDIA.length()));
            Exchange exchange = new Exchange(request, response, callback);
            HttpFields headers = request.getHeaders();
            if (media.answersAtOnce(method, headers.get(HttpHeader.RANGE), headers.get(HttpHeader.IF_NONE_MATCH))) {
                // A probe or a small range costs less than the hand-over to a worker: answered here, as nginx does.
                inline(request, exchange, e -> media.serveMedia(e, name));
            } else {
                onWorker(request, exchange, e -> media.serveMedia(e, name));
            }
        } else if (read && path.startsWith(ARTWORK)) {
            onWorker(
                    request,
                    new Exchange(request, response, callback),
                    exchange -> media.serveShowArtwork(exchange, URIUtil.decodePath(path.substring(ARTWORK.length()))));
        } else if (read && path.equals(HEALTH)) {
            onWorker(request, new Exchange(request, response, callback), this::health);
        } else {
            // Pages, forms and uploads: their own limits (RouteLimits) apply inside, on a worker thread.
            if (read && path.startsWith(EMBED)) {
                response.getHeaders().add(embedPolicy);
            } else {
                response.getHeaders().add(contentSecurityPolicy);
                response.getHeaders().add(NO_FRAMES);
            }
            request.getContext().execute(() -> javalin(request, response, callback));
        }
        return true;
    }

    /** GET /health, for load balancers and monitors: 200 when this instance can serve, else 503 and why. */
    private void health(Exchange exchange) {
        String problem = health.problem();
        exchange.header("Cache-Control", "no-store");
        exchange.text(problem == null ? 200 : 503, problem == null ? "ok" : problem);
    }

    /** What a worker does for one hot-path exchange. */
    private interface Work {
        void run(Exchange exchange) throws Exception;
    }

    private static void inline(Request request, Exchange exchange, Work work) {
        try {
            work.run(exchange);
        } catch (Exception e) {
            failed(request, exchange, e);
        }
    }

    private static void onWorker(Request request, Exchange exchange, Work work) {
        request.getContext().execute(() -> inline(request, exchange, work));
    }

    /** A failure is logged and answered with a 500, or with a cut connection once the response has begun. */
    private static void failed(Request request, Exchange exchange, Exception e) {
        LOG.warn("{} {} failed: {}", request.getMethod(), Request.getPathInContext(request), e.toString());
        if (e instanceof org.castkeeper.media.StoreUnavailable && !exchange.isCommitted()) {
            // The bucket is away: say so, and when to try again, rather than a server error.
            exchange.header("Retry-After", "30");
            exchange.text(503, org.castkeeper.media.StoreUnavailable.WORDS);
            return;
        }
        exchange.failed(e);
    }

    /** Javalin's routes, on a worker thread: its servlet blocks. */
    private void javalin(Request request, Response response, Callback callback) {
        try {
            if (!super.handle(request, response, callback)) {
                Response.writeError(request, response, callback, 404);
            }
        } catch (Throwable t) {
            LOG.warn("{} {} failed: {}", request.getMethod(), Request.getPathInContext(request), t.toString());
            Response.writeError(request, response, callback, t);
        }
    }
}
