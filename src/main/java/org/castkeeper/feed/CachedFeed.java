package org.castkeeper.feed;

import java.time.Instant;

/**
 * One page of the feed, written once and served many times: the XML, its gzip form, and the validators.
 *
 * @param etag a strong validator for the identity bytes, e.g. "\"5f2c…\""; the gzip bytes use {@link #gzipEtag()}
 */
public record CachedFeed(byte[] xml, byte[] gzip, String etag, Instant lastModified, String lastModifiedHeader) {

    public CachedFeed(byte[] xml, byte[] gzip, String etag, Instant lastModified) {
        this(xml, gzip, etag, lastModified, org.castkeeper.web.HttpCaching.httpDate(lastModified));
    }

    /** A different representation needs a different strong ETag (RFC 9110 8.8.3). */
    public String gzipEtag() {
        return etag.substring(0, etag.length() - 1) + "-gzip\"";
    }
}
