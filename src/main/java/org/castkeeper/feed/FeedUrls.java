package org.castkeeper.feed;

import java.util.function.Supplier;
import org.castkeeper.media.MediaUrls;

/**
 * Every public URL Castkeeper puts in a feed. They are permanent: podcatchers store enclosure URLs, Apple caches
 * artwork by URL, and a changed URL looks like a new episode to some apps. Change this class with great care.
 */
public final class FeedUrls {
    public static final String FEED_PATH = "/feed.xml";

    private final String base;
    private final Supplier<String> showArtworkName;

    /** @param base the public URL without a trailing slash, e.g. https://podcast.example.org */
    public FeedUrls(String base, String showArtworkName) {
        this(base, () -> showArtworkName);
    }

    /**
     * @param showArtworkName the show artwork's current public name: the host can replace the artwork at any
     *                        time, and new art gets a new name
     */
    public FeedUrls(String base, Supplier<String> showArtworkName) {
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

    /** A file in the media store, by its catalogue path; non-ASCII and spaces are percent-encoded. */
    public String media(String relativePath) {
        return base + "/media/" + MediaUrls.encodePath(relativePath);
    }

    public String showArtwork() {
        return base + "/artwork/" + showArtworkName.get();
    }

    public String episodePage(String slug) {
        return base + "/episodes/" + slug;
    }

    public String chapters(String slug) {
        return base + "/episodes/" + slug + "/chapters.json";
    }
}
