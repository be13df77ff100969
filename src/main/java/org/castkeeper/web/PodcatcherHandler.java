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
 * download); served this way the cached feed goes out at about twice the rate the servlet path manages on the same
 * machine, in line with nginx serving static files (see scripts/bench-feed). Everything else falls through to
 * Javalin's routes.
 */
final class PodcatcherHandler extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger(PodcatcherHandler.class);

    private final FeedController feed;
    private final MediaController media;

    PodcatcherHandler(FeedController feed, MediaController media) {
        this.feed = feed;
        this.media = media;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return super.handle(request, response, callback);
        }
        String path = Request.getPathInContext(request);
        Exchange exchange = new Exchange(request, response, callback);
        try {
            if (path.equals(FeedUrls.FEED_PATH)) {
                feed.serve(exchange);
            } else if (path.startsWith("/media/")) {
                media.serveMedia(exchange, path.substring("/media/".length()));
            } else if (path.startsWith("/artwork/")) {
                media.serveShowArtwork(exchange, path.substring("/artwork/".length()));
            } else {
                return super.handle(request, response, callback);
            }
        } catch (Exception e) {
            LOG.warn("{} {} failed: {}", method, path, e.toString());
            if (response.isCommitted()) {
                callback.failed(e);
            } else {
                exchange.text(500, "Server error");
            }
        }
        return true;
    }
}
