package org.castkeeper.feed;

/**
 * OP3, the Open Podcast Prefix Project (op3.dev): a free, open-source analytics prefix. With the show setting
 * {@code op3} on, the feed's enclosure URLs go through {@code https://op3.dev/e,pg=<podcast:guid>/}, which counts
 * the request and redirects to our URL. OP3's rule: an https target is written without its scheme, an http one
 * with it. This is the one change an enclosure URL may ever see, and only the feed's: the site's player keeps the
 * plain URL, which its CSP allows.
 */
public final class Op3 {
    private Op3() {}

    /** The prefix for the show with this podcast:guid. */
    public static String prefix(String podcastGuid) {
        return "https://op3.dev/e,pg=" + podcastGuid + "/";
    }

    /** {@code url} through {@code prefix}. */
    static String wrap(String prefix, String url) {
        return prefix + (url.startsWith("https://") ? url.substring("https://".length()) : url);
    }

    /** The show's public page at OP3. */
    public static String showPage(String podcastGuid) {
        return "https://op3.dev/show/" + podcastGuid;
    }
}
