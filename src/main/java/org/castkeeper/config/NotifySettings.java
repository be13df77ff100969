package org.castkeeper.config;

import java.util.List;

/**
 * Who to tell when an episode goes live, so aggregators fetch the feed at once instead of at their next poll.
 *
 * @param websubHubs       WebSub hubs; each is also announced in the feed as atom:link rel="hub"
 * @param podping          the podping endpoint and token, when the show uses podping
 * @param firstRetryMillis the wait before the first retry of a failed notification; it doubles each time
 */
public record NotifySettings(List<String> websubHubs, Podping podping, Integer firstRetryMillis) {
    public static final NotifySettings NONE = new NotifySettings(null, null, null);

    public NotifySettings {
        websubHubs = websubHubs == null ? List.of() : List.copyOf(websubHubs);
        firstRetryMillis = firstRetryMillis == null ? 2000 : firstRetryMillis;
    }

    /** e.g. endpoint https://podping.cloud/ with the token podping.cloud issued. */
    public record Podping(String endpoint, String token) {
        @Override
        public String toString() {
            return "Podping[endpoint=" + endpoint + ", token=" + (token == null ? "" : "***") + "]";
        }
    }
}
