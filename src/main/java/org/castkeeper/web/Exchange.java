package org.castkeeper.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * One request and its response on the podcatcher hot path (see {@link PodcatcherHandler}): a thin layer over
 * Jetty's core API so controllers read as plain HTTP and never touch Jetty types.
 */
public final class Exchange {
    private final Request request;
    private final Response response;
    private final Callback callback;

    Exchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
    }

    public boolean isHead() {
        return "HEAD".equals(request.getMethod());
    }

    /** The decoded path, e.g. "/media/episode 1.mp3". */
    public String path() {
        return Request.getPathInContext(request);
    }

    public String query(String name) {
        Fields fields = Request.extractQueryParameters(request);
        return fields.getValue(name);
    }

    public String header(String name) {
        return request.getHeaders().get(name);
    }

    public Exchange header(String name, String value) {
        response.getHeaders().put(name, value);
        return this;
    }

    /** Ends the exchange with a status and no body. */
    public void empty(int status) {
        response.setStatus(status);
        response.write(true, null, callback);
    }

    /** Ends the exchange with a short plain-text body. */
    public void text(int status, String body) {
        response.setStatus(status);
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        header("Content-Type", "text/plain; charset=utf-8");
        send(bytes);
    }

    /** Ends the exchange with these bytes (none for HEAD), written in one non-blocking step. */
    public void send(byte[] body) {
        response.getHeaders().put(new HttpField(org.eclipse.jetty.http.HttpHeader.CONTENT_LENGTH,
                Long.toString(body.length)));
        response.write(true, isHead() ? null : ByteBuffer.wrap(body), callback);
    }

    public void status(int status) {
        response.setStatus(status);
    }

    /**
     * A stream for a body of exactly {@code length} bytes; closing it ends the exchange. For HEAD, nothing is
     * written and null is returned (the exchange is already ended).
     */
    public OutputStream stream(long length) {
        response.getHeaders().put(org.eclipse.jetty.http.HttpHeader.CONTENT_LENGTH, Long.toString(length));
        if (isHead()) {
            response.write(true, null, callback);
            return null;
        }
        OutputStream out = Content.Sink.asOutputStream(response);
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                try {
                    out.close();
                    callback.succeeded();
                } catch (IOException e) {
                    callback.failed(e);
                    throw e;
                }
            }
        };
    }

    /** For a failure after the response started: the connection is closed so the client sees a short body. */
    public void fail(Throwable t) {
        callback.failed(t);
    }
}
