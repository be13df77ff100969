package org.castkeeper.feed;

import java.time.Instant;
import org.castkeeper.http.Exchange;
import org.castkeeper.http.HttpCaching;

/**
 * One page of the feed, written once and served many times: the XML, its gzip form, and the validators.
 *
 * @param etag a strong validator for the identity bytes, e.g. "\"5f2c…\""; the gzip bytes have {@code gzipEtag}
 */
public record CachedFeed(byte[] xml, byte[] gzip, String etag, String gzipEtag, Instant lastModified, Headers headers) {

    public CachedFeed(byte[] xml, byte[] gzip, String etag, Instant lastModified) {
        this(
                xml,
                gzip,
                etag,
                gzipEtagOf(etag),
                lastModified,
                new Headers(
                        Exchange.field("ETag", etag),
                        Exchange.field("ETag", gzipEtagOf(etag)),
                        Exchange.field("Last-Modified", HttpCaching.httpDate(lastModified)),
                        Exchange.contentLength(xml.length),
                        Exchange.contentLength(gzip.length)));
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
