package org.castkeeper.config;

/**
 * The optional parts of feed-config.yml's show section that become Podcasting 2.0 and Spotify tags. Each tag
 * appears in the feed only when its setting is there.
 */
public final class FeedExtras {
    private FeedExtras() {
    }

    /** podcast:funding: where listeners can support the show. */
    public record Funding(String url, String text) {
    }

    /** podcast:person: someone on the show. role and group follow the Podcasting 2.0 taxonomy (host, guest ...). */
    public record Person(String name, String role, String group, String img, String href) {
    }

    /** podcast:location: what the show is about, place-wise. geo is a "geo:" URI, osm an OpenStreetMap id. */
    public record Location(String name, String geo, String osm) {
    }

    /** podcast:license: an SPDX identifier such as "cc-by-4.0", with a URL for a custom licence. */
    public record License(String name, String url) {
    }

    /** podcast:txt: free text for verification, e.g. purpose "applepodcastsverify". */
    public record Txt(String purpose, String value) {
    }

    /** podcast:updateFrequency: how often episodes come, e.g. text "Weekly", rrule "FREQ=WEEKLY". */
    public record UpdateFrequency(String text, String rrule, Boolean complete, String dtstart) {
    }

    /** The Spotify namespace: how many recent episodes Spotify keeps, and the countries the show is from. */
    public record Spotify(Integer limit, String countryOfOrigin) {
    }
}
