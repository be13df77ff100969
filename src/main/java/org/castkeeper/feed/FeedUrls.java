package org.castkeeper.feed;


/**
 * Every public URL Castkeeper puts in a feed. They are permanent: podcatchers store enclosure URLs, Apple caches
 * artwork by URL, and a changed URL looks like a new episode to some apps. Change this class with great care.
 */
public final class FeedUrls {
    public static final String FEED_PATH = "/feed.xml";

    private final String base;
    private final String showArtworkName;

    /** @param base the public URL without a trailing slash, e.g. https://podcast.example.org */
    public FeedUrls(String base, String showArtworkName) {
        this.base = base;
        this.showArtworkName = showArtworkName;
    }

    public String site() {
        return base + "/";
    }

    public String feed() {
        return base + FEED_PATH;
    }

    public String feedPage(int page) {
        return page <= 1 ? feed() : feed() + "?page=" + page;
    }

    /** A file in the media folder, by its catalogue path; non-ASCII and spaces are percent-encoded. */
    public String media(String relativePath) {
        return base + "/media/" + encodePath(relativePath);
    }

    public String showArtwork() {
        return base + "/artwork/" + showArtworkName;
    }

    public String episodePage(String slug) {
        return base + "/episodes/" + slug;
    }

    public String chapters(String slug) {
        return base + "/episodes/" + slug + "/chapters.json";
    }

    /**
     * Percent-encodes everything in a stored path but RFC 3986's unreserved characters and "/", so that a name
     * with spaces, "&", "#", "%", "+", "?", ";" or any letter round-trips: encoded once here, decoded once by the
     * server. (java.net.URI leaves "&", "+" and ";" alone, and Jetty takes ";" to start a path parameter.)
     */
    static String encodePath(String path) {
        StringBuilder out = new StringBuilder(path.length() + 16);
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/')) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
