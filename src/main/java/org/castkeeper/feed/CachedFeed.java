package org.castkeeper.feed;

import java.time.Instant;
import java.util.function.Supplier;
import org.castkeeper.http.Exchange;
import org.castkeeper.http.HttpCaching;

/**
 * One page of the feed, written once and served many times: its gzip form, the validators, and the XML itself,
 * joined from its parts the first time someone asks for it uncompressed (most podcatchers take gzip).
 */
public final class CachedFeed {
    private final byte[] gzip;
    private final String etag;
    private final String gzipEtag;
    private final Instant lastModified;
    private final Headers headers;
    private Supplier<byte[]> join;
    private volatile byte[] xml;

    /**
     * @param join   makes the XML when it is first asked for
     * @param length the XML's length in bytes
     * @param etag   a strong validator for the identity bytes, e.g. "\"5f2c…\""; the gzip bytes have
     *               {@link #gzipEtag()}
     */
    CachedFeed(Supplier<byte[]> join, long length, byte[] gzip, String etag, Instant lastModified) {
        this.join = join;
        this.gzip = gzip;
        this.etag = etag;
        this.gzipEtag = gzipEtagOf(etag);
        this.lastModified = lastModified;
        this.headers = new Headers(
                Exchange.field("ETag", etag),
                Exchange.field("ETag", gzipEtag),
                Exchange.field("Last-Modified", HttpCaching.httpDate(lastModified)),
                Exchange.contentLength(length),
                Exchange.contentLength(gzip.length));
    }

    /** The page's XML, UTF-8. */
    public byte[] xml() {
        byte[] made = xml;
        if (made == null) {
            synchronized (this) {
                if (xml == null) {
                    xml = join.get();
                    join = null;
                }
                made = xml;
            }
        }
        return made;
    }

    public byte[] gzip() {
        return gzip;
    }

    public String etag() {
        return etag;
    }

    public String gzipEtag() {
        return gzipEtag;
    }

    public Instant lastModified() {
        return lastModified;
    }

    public Headers headers() {
        return headers;
    }

    /** The validators and lengths, as response headers made once per feed rather than once per poll. */
    public record Headers(
            Exchange.Header etag,
            Exchange.Header gzipEtag,
            Exchange.Header lastModified,
            Exchange.Header length,
            Exchange.Header gzipLength) {}

    /** A different representation needs a different strong ETag (RFC 9110 8.8.3). */
    private static String gzipEtagOf(String etag) {
        return etag.substring(0, etag.length() - 1) + "-gzip\"";
    }
}
