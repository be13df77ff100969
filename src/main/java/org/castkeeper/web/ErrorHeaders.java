package org.castkeeper.web;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a malformed request's 400, 408, an oversized body's 413, 431 for headers too large)
 * are made before any handler of ours runs: this error handler gives them the headers every other response has,
 * {@code nosniff} and the referrer policy, then lets Jetty's write the page.
 */
final class ErrorHeaders implements Request.Handler {
    private final Request.Handler jetty;

    ErrorHeaders(Request.Handler jetty) {
        this.jetty = jetty;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        response.getHeaders().put(PodcatcherHandler.NOSNIFF);
        response.getHeaders().put(PodcatcherHandler.REFERRER);
        return jetty.handle(request, response, callback);
    }
}
