package org.castkeeper.feed.podcast;

import java.util.Locale;

/**
 * podcast:image (finalised in 2025): the show's or an episode's artwork, with alt text and its type, for apps
 * that read the Podcasting 2.0 namespace rather than itunes:image.
 */
public record PodcastImage(String href, String alt, String type) {
    /** The type of one of Castkeeper's artwork files, whose names end in the extension of their real type. */
    static String typeOf(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        return lower.endsWith(".jpg") || lower.endsWith(".jpeg") ? "image/jpeg" : null;
    }
}
