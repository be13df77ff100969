package org.castkeeper.http;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.ByteBufferPool;
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
    private static final MappedFiles MAPPED = new MappedFiles();
    private static final int FILE_BUFFER = 64 * 1024;

    private final Request request;
    private final Response response;
    private final Callback callback;

    public Exchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
    }

    /** The client's address, as the server resolved it (behind a trusted proxy: the client's, not the proxy's). */
    public String clientAddress() {
        return Request.getRemoteAddr(request);
    }

    public boolean isHead() {
        return "HEAD".equals(request.getMethod());
    }

    /** The decoded path, e.g. "/media/episode 1.mp3". */
    public String path() {
        return Request.getPathInContext(request);
    }

    public String query(String name) {
        if (request.getHttpURI().getQuery() == null) {
            return null;
        }
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

    /** A response header made once and sent many times (Jetty keeps it pre-encoded). */
    public static final class Header {
        private final HttpField field;

        private Header(HttpField field) {
            this.field = field;
        }
    }

    public static Header header(HttpHeader name, String value) {
        return new Header(new PreEncodedHttpField(name, value));
    }

    /** A header made once, by its name (e.g. "Cache-Control"), so that callers need no server types. */
    public static Header field(String name, String value) {
        HttpHeader known = HttpHeader.CACHE.get(name);
        return new Header(known != null ? new PreEncodedHttpField(known, value) : new PreEncodedHttpField(name, value));
    }

    /**
     * Adds a pre-made header. It is added, not put: finding and replacing an earlier one costs a scan of the
     * response's headers on every poll, so set each of these once per response.
     */
    public Exchange header(Header header) {
        response.getHeaders().add(header.field);
        return this;
    }

    /**
     * Ends the exchange with 304 Not Modified and no Content-Length, as nginx and Apache send it. Jetty would add
     * "Content-Length: 0" to a response ended in one write, which RFC 9110 (8.6) forbids on a 304 (only the
     * length of the 200 is allowed), and the 200's length makes some clients wait for a body that never comes.
     * So the headers go out in a first, unfinished write, which Jetty leaves without a length, and an empty last
     * write ends the response.
     */
    public void notModified() {
        response.setStatus(304);
        // The hand-over between the writes is as non-blocking as the exchange's own end.
        response.write(
                false,
                null,
                Callback.from(
                        callback.getInvocationType(), () -> response.write(true, null, callback), callback::failed));
    }

    /** A Content-Length header made once, for bytes sent many times. */
    public static Header contentLength(long length) {
        return header(HttpHeader.CONTENT_LENGTH, Long.toString(length));
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
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        write(body);
    }

    /** As {@link #send(byte[])}, with a Content-Length header made once for these bytes. */
    public void send(byte[] body, Header length) {
        header(length);
        write(body);
    }

    private void write(byte[] body) {
        response.write(true, isHead() ? null : ByteBuffer.wrap(body), callback);
    }

    public void status(int status) {
        response.setStatus(status);
    }

    /**
     * Ends the exchange with {@code length} bytes of {@code file} from {@code offset} (none for HEAD), the file
     * being {@code size} bytes long and last modified at {@code modifiedMillis} as the caller just saw: from a shared
     * memory mapping of the file when it can be mapped ({@link MappedFiles}), else read into pooled direct buffers
     * as the socket takes them. Either way no thread waits and the heap does not grow with the file.
     */
    public void sendFile(Path file, long offset, long length, long size, long modifiedMillis) {
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Long.toString(length));
        if (isHead() || length == 0) {
            response.write(true, null, callback);
            return;
        }
        var slice = MAPPED.slice(file, offset, length, size, modifiedMillis);
        if (slice.isPresent()) {
            response.write(true, slice.get(), callback);
            return;
        }
        ByteBufferPool.Sized buffers =
                new ByteBufferPool.Sized(request.getComponents().getByteBufferPool(), true, FILE_BUFFER);
        Content.copy(Content.Source.from(buffers, file, offset, length), response, callback);
    }

    /**
     * Ends the exchange with {@code length} bytes read from {@code content} (closed when done), for bytes that are
     * not on this machine (a bucket): a blocking read, so only on a worker thread. None for HEAD.
     */
    public void sendStream(java.io.InputStream content, long length) {
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Long.toString(length));
        if (isHead() || length == 0) {
            try {
                content.close();
            } catch (java.io.IOException ignored) {
                // nothing was read
            }
            response.write(true, null, callback);
            return;
        }
        ByteBufferPool.Sized buffers =
                new ByteBufferPool.Sized(request.getComponents().getByteBufferPool(), true, FILE_BUFFER);
        Content.copy(new org.eclipse.jetty.io.content.InputStreamContentSource(content, buffers), response, callback);
    }

    /** Whether the response has begun (its status and headers are gone): no other answer can be given. */
    public boolean isCommitted() {
        return response.isCommitted();
    }

    /** Ends the exchange after an unexpected failure: a 500, or a cut connection once the response has begun. */
    public void failed(Throwable t) {
        if (response.isCommitted()) {
            callback.failed(t);
        } else {
            text(500, "Server error");
        }
    }
}
