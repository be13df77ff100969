package org.castkeeper.media;

import java.nio.charset.StandardCharsets;

/** How a path in the media store appears in a URL. */
public final class MediaUrls {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private MediaUrls() {}

    /**
     * Percent-encodes everything in a stored path but RFC 3986's unreserved characters and "/", so that a name
     * with spaces, "&", "#", "%", "+", "?", ";" or any letter round-trips: encoded once here, decoded once by the
     * server. (java.net.URI leaves "&", "+" and ";" alone, and Jetty takes ";" to start a path parameter.)
     */
    public static String encodePath(String path) {
        StringBuilder out = new StringBuilder(path.length() + 16);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80
                    && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/')) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
