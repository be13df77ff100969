package org.castkeeper.web;

import org.castkeeper.feed.FeedController;
import org.castkeeper.feed.FeedUrls;
import org.castkeeper.media.MediaController;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The podcatcher hot path: GET and HEAD of /feed.xml, /media/* and /artwork/*, handled by Jetty's core API in
 * front of Javalin's servlet. These URLs take nearly all of the traffic (thousands of polls a day, every play and
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

    private final FeedController feed;
    private final MediaController media;

    PodcatcherHandler(FeedController feed, MediaController media) {
        this.feed = feed;
        this.media = media;
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
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
            onWorker(request, new Exchange(request, response, callback),
                    exchange -> media.serveMedia(exchange, path.substring(MEDIA.length())));
        } else if (read && path.startsWith(ARTWORK)) {
            onWorker(request, new Exchange(request, response, callback),
                    exchange -> media.serveShowArtwork(exchange, path.substring(ARTWORK.length())));
        } else {
            request.getContext().execute(() -> javalin(request, response, callback));
        }
        return true;
    }

    /** What a worker does for one hot-path exchange. */
    private interface Work {
        void run(Exchange exchange) throws Exception;
    }

    private static void onWorker(Request request, Exchange exchange, Work work) {
        request.getContext().execute(() -> {
            try {
                work.run(exchange);
            } catch (Exception e) {
                failed(request, exchange, e);
            }
        });
    }

    /** A failure is logged and answered with a 500, or with a cut connection once the response has begun. */
    private static void failed(Request request, Exchange exchange, Exception e) {
        LOG.warn("{} {} failed: {}", request.getMethod(), Request.getPathInContext(request), e.toString());
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
