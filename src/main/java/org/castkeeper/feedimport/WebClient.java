package org.castkeeper.feedimport;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * GET requests to another host, as import-feed makes them: a User-Agent naming Castkeeper, redirects followed
 * across http and https (up to {@value #MAX_REDIRECTS}, as tracking prefixes chain them), a connect and a read
 * timeout (a stalled host fails instead of hanging the import), and gzip when asked for.
 *
 * <p>Written on {@link HttpURLConnection} rather than java.net.http: its read timeout covers a body that stops
 * arriving, which the newer client leaves to the caller.
 */
final class WebClient {
    static final int MAX_REDIRECTS = 10;

    private final String userAgent;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    WebClient(String userAgent, Duration connectTimeout, Duration readTimeout) {
        this.userAgent = userAgent;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** An answer being read; close it. */
    static final class Answer implements AutoCloseable {
        private final HttpURLConnection connection;
        private final URI finalUrl;
        private InputStream body;

        Answer(HttpURLConnection connection, URI finalUrl) {
            this.connection = connection;
            this.finalUrl = finalUrl;
        }

        int status() throws IOException {
            return connection.getResponseCode();
        }

        /** The address that answered, after redirects. */
        URI url() {
            return finalUrl;
        }

        String header(String name) {
            return connection.getHeaderField(name);
        }

        long length() {
            return connection.getContentLengthLong();
        }

        /** The body, un-gzipped when the host gzipped it. */
        InputStream body() throws IOException {
            if (body == null) {
                InputStream raw = status() >= 400 ? connection.getErrorStream() : connection.getInputStream();
                if (raw == null) {
                    raw = InputStream.nullInputStream();
                }
                String encoding = header("Content-Encoding");
                body = encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip")
                        ? new GZIPInputStream(raw, 64 * 1024)
                        : raw;
            }
            return body;
        }

        @Override
        public void close() {
            try {
                if (body != null) {
                    body.close();
                }
            } catch (IOException ignored) {
                // The connection goes anyway.
            }
            connection.disconnect();
        }
    }

    /** Thrown when an address cannot be asked at all (not http or https, a redirect loop, a broken Location). */
    static final class Unreachable extends IOException {
        Unreachable(String message) {
            super(message);
        }
    }

    /** GETs {@code url}, following redirects; any status is returned, for the caller to judge. */
    Answer get(URI url, boolean gzip) throws IOException {
        return request("GET", url, gzip, true);
    }

    /** A HEAD of {@code url}, following redirects. */
    Answer head(URI url) throws IOException {
        return request("HEAD", url, false, true);
    }

    /** One GET of {@code url} that does not follow a redirect: the answer says where it points. */
    Answer once(URI url) throws IOException {
        return request("GET", url, true, false);
    }

    private Answer request(String method, URI url, boolean gzip, boolean follow) throws IOException {
        URI current = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            String scheme =
                    current.getScheme() == null ? "" : current.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new Unreachable("only http and https addresses can be fetched, not " + current);
            }
            URL asUrl = current.toURL();
            HttpURLConnection c = (HttpURLConnection) asUrl.openConnection();
            c.setRequestMethod(method);
            c.setInstanceFollowRedirects(false);
            c.setConnectTimeout((int) connectTimeout.toMillis());
            c.setReadTimeout((int) readTimeout.toMillis());
            c.setRequestProperty("User-Agent", userAgent);
            c.setRequestProperty("Accept-Encoding", gzip ? "gzip" : "identity");
            int status = c.getResponseCode();
            if (follow && status >= 300 && status < 400 && status != 304 && c.getHeaderField("Location") != null) {
                String location = c.getHeaderField("Location");
                c.disconnect();
                try {
                    // Resolved as written: percent-encoding in the Location is kept, never decoded and re-encoded.
                    current = current.resolve(new URI(location.strip().replace(" ", "%20")));
                } catch (URISyntaxException e) {
                    throw new Unreachable("a redirect from " + current + " names a broken address: " + location);
                }
                continue;
            }
            return new Answer(c, current);
        }
        throw new Unreachable(url + " redirects more than " + MAX_REDIRECTS + " times");
    }
}
