package org.castkeeper.config;

import java.util.List;

/**
 * The show as directories see it. Every value ends up in the feed; ConfigValidator says which are required.
 *
 * @param link     the show's website; the public URL when not set
 * @param artwork  path of the square show artwork, relative to the config file
 * @param timeZone the zone in which the host schedules episodes, e.g. "Europe/London"
 */
public record ShowSettings(
        String title,
        String description,
        String author,
        String language,
        List<Category> categories,
        Boolean explicit,
        String type,
        Owner owner,
        String link,
        String artwork,
        String copyright,
        String timeZone) {

    public ShowSettings {
        categories = categories == null ? List.of() : List.copyOf(categories);
        type = type == null ? "episodic" : type;
        timeZone = timeZone == null ? "UTC" : timeZone;
    }

    /** An Apple Podcasts category, with an optional subcategory from Apple's list. */
    public record Category(String category, String subcategory) {
    }

    /** Who owns the show: Spotify and YouTube mail their verification codes to this address. */
    public record Owner(String name, String email) {
    }
}
