package org.castkeeper.feed.podcast;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The show's podcast:guid: a UUIDv5 of the feed URL with its scheme and trailing slashes removed, in the
 * Podcasting 2.0 namespace UUID. It identifies the show across hosts, so it must be computed exactly this way.
 */
public final class PodcastGuid {
    static final UUID NAMESPACE = UUID.fromString("ead4c236-bf58-58c6-a2c6-a6b28d128cb6");
    private static final String FEED_PATH = org.castkeeper.feed.FeedUrls.FEED_PATH;

    private PodcastGuid() {}

    public static UUID forFeedUrl(String feedUrl) {
        String name = feedUrl.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "").replaceAll("/+$", "");
        return uuid5(NAMESPACE, name);
    }

    /**
     * Whether {@code guid} is the one made from a feed on a local address (localhost, 127.0.0.1, [::1] or 0.0.0.0,
     * on any port or none): what a show started with the README's defaults was given before its guid followed the
     * address. Tries each of them, about 260,000 hashes (a fraction of a second), once per catalogue.
     */
    public static boolean madeFromLocalAddress(String guid) {
        UUID wanted;
        try {
            wanted = UUID.fromString(guid);
        } catch (IllegalArgumentException notAUuid) {
            return false;
        }
        for (String host : new String[] {"localhost", "127.0.0.1", "[::1]", "0.0.0.0"}) {
            if (uuid5(NAMESPACE, host + FEED_PATH).equals(wanted)) {
                return true;
            }
            for (int port = 1; port <= 65_535; port++) {
                if (uuid5(NAMESPACE, host + ":" + port + FEED_PATH).equals(wanted)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** RFC 9562 name-based UUID, SHA-1. */
    static UUID uuid5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
        ByteBuffer ns = ByteBuffer.allocate(16)
                .putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits());
        sha1.update(ns.array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3F) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }
}
