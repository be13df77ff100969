package org.castkeeper.media;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.castkeeper.http.Exchange;
import org.castkeeper.http.HttpCaching;

/**
 * The response headers a media file is served with that do not change from one request to the next (its type,
 * validators and caching), made once per file and version and then added as they are, as the feed's are: a
 * {@code bytes=0-1} probe should not format a date and build an ETag each time.
 */
final class MediaHeaders {
    private static final int MAX_ENTRIES = 4096;
    static final Exchange.Header ACCEPT_RANGES = Exchange.field("Accept-Ranges", "bytes");
    static final Exchange.Header CACHE_CONTROL = Exchange.field("Cache-Control", "public, max-age=86400");

    /**
     * One file's headers.
     *
     * @param etag     the strong validator, e.g. "\"3f9a…\""
     * @param modified the time Last-Modified names, to the second
     */
    record Made(
            long size,
            long modifiedMillis,
            String type,
            String contentHash,
            String etag,
            Instant modified,
            Exchange.Header etagHeader,
            Exchange.Header lastModified,
            Exchange.Header contentType) {}

    private final Map<String, Made> made = new ConcurrentHashMap<>();

    /**
     * The headers of {@code name} as {@code found} now, of {@code type}. The ETag is the start of
     * {@code contentHash} (an audio file's SHA-256: the same on every instance), or else made from the file's size
     * and time.
     */
    Made of(String name, LocalFiles.Found found, String type, String contentHash) {
        Made known = made.get(name);
        if (known != null
                && known.size() == found.size()
                && known.modifiedMillis() == found.modifiedMillis()
                && known.type().equals(type)
                && java.util.Objects.equals(known.contentHash(), contentHash)) {
            return known;
        }
        Instant modified = Instant.ofEpochMilli(found.modifiedMillis()).truncatedTo(ChronoUnit.SECONDS);
        String etag = contentHash != null
                ? "\"" + contentHash.substring(0, 32) + "\""
                : "\"" + Long.toHexString(found.size()) + "-" + Long.toHexString(modified.getEpochSecond()) + "\"";
        Made fresh = new Made(
                found.size(),
                found.modifiedMillis(),
                type,
                contentHash,
                etag,
                modified,
                Exchange.field("ETag", etag),
                Exchange.field("Last-Modified", HttpCaching.httpDate(modified)),
                Exchange.field("Content-Type", type));
        if (made.size() >= MAX_ENTRIES) {
            made.clear(); // Rare (an entry per media file); dropping them all keeps the bound simple.
        }
        made.put(name, fresh);
        return fresh;
    }
}
