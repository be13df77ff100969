package org.castkeeper.config;

/**
 * The optional parts of feed-config.yml's show section that become Podcasting 2.0 and Spotify tags. Each tag
 * appears in the feed only when its setting is there.
 */
public final class FeedExtras {
    private FeedExtras() {}

    /** podcast:funding: where listeners can support the show. */
    public record Funding(String url, String text) {}

    /** podcast:person: someone on the show. role and group follow the Podcasting 2.0 taxonomy (host, guest ...). */
    public record Person(String name, String role, String group, String img, String href) {}

    /** podcast:location: what the show is about, place-wise. geo is a "geo:" URI, osm an OpenStreetMap id. */
    public record Location(String name, String geo, String osm) {}

    /** podcast:license: an SPDX identifier such as "cc-by-4.0", with a URL for a custom licence. */
    public record License(String name, String url) {}

    /** podcast:txt: free text for verification, e.g. purpose "applepodcastsverify". */
    public record Txt(String purpose, String value) {
        /** The purpose that says whether AI made the content: its value is "true" or "false", nothing else. */
        public static final String AI_CONTENT = "ai-content";

        /**
         * An ai-content value is true or false, as the namespace defines it. Castkeeper once wrote what the host
         * typed ("none", "maybe-some"): "none", "no" and "0" mean false, anything else true (V012 rewrote stored
         * values the same way; this covers feed-config.yml).
         */
        public Txt {
            if (AI_CONTENT.equals(purpose) && value != null && !value.equals("true") && !value.equals("false")) {
                String v = value.strip().toLowerCase(java.util.Locale.ROOT);
                value = v.equals("none") || v.equals("no") || v.equals("0") || v.equals("false") ? "false" : "true";
            }
        }
    }

    /** podcast:updateFrequency: how often episodes come, e.g. text "Weekly", rrule "FREQ=WEEKLY". */
    public record UpdateFrequency(String text, String rrule, Boolean complete, String dtstart) {}

    /** A show the host recommends, in podcast:podroll: by its podcast:guid, with its feed URL when known. */
    public record RemoteItem(String feedGuid, String feedUrl) {}

    /**
     * podcast:value: value-for-value payments, e.g. type "lightning", method "keysend", split among recipients.
     *
     * @param suggested an amount per minute suggested to listeners, in the currency of the type (optional)
     */
    public record Value(String type, String method, String suggested, java.util.List<ValueRecipient> recipients) {
        public Value {
            type = type == null ? "lightning" : type;
            method = method == null ? "keysend" : method;
            recipients = recipients == null ? java.util.List.of() : java.util.List.copyOf(recipients);
        }
    }

    /** One podcast:valueRecipient: a name, an address type ("node" for a Lightning node) and its share. */
    public record ValueRecipient(
            String name, String type, String address, Integer split, String customKey, String customValue) {}

    /** podcast:socialInteract: where listeners discuss the episodes, e.g. protocol "activitypub" and a post URL. */
    public record SocialInteract(String protocol, String uri, String accountId, String accountUrl) {
        /** The protocols the namespace lists (its socialprotocols.txt), "disabled" first. */
        public static final java.util.List<String> PROTOCOLS = java.util.List.of(
                "disabled", "activitypub", "twitter", "lightning", "bluesky", "hive", "matrix", "nostr");

        /** The host wants no comments shown: the tag carries the protocol alone. */
        public boolean disabled() {
            return "disabled".equals(protocol);
        }
    }

    /** The Spotify namespace: how many recent episodes Spotify keeps, and the countries the show is from. */
    public record Spotify(Integer limit, String countryOfOrigin) {}
}
