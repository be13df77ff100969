package org.castkeeper.media;

import java.time.Instant;

/**
 * Told of every GET of an episode's audio that was answered with bytes (200 or 206), for listener analytics. Not
 * told: HEAD, 304, 416, 404, a probe of two bytes or fewer (Apple's {@code bytes=0-1}: not a download), redirects
 * of retired files, other files. Called on the thread that answers, the network thread included, so it must never
 * block.
 */
public interface MediaRequests {
    /** Castkeeper's own checks of its media (the distribution page, `castkeeper check`) send this User-Agent. */
    String OWN_CHECK_USER_AGENT = "Castkeeper-check/1.0 (readiness check; not a listener)";

    void served(Served request);

    /**
     * One answered request.
     *
     * @param address   the client's address as the server resolved it (behind a trusted proxy, the client's own)
     * @param firstByte the first byte sent; {@code lastByte} the last, inclusive
     * @param whole     whether the whole file was sent (no range, or a range covering it)
     */
    record Served(
            int episodeId,
            Instant at,
            String address,
            String userAgent,
            String referrer,
            long firstByte,
            long lastByte,
            boolean whole,
            int status,
            long fileSize) {}

    /** Nothing recorded. */
    MediaRequests NONE = request -> {};
}
