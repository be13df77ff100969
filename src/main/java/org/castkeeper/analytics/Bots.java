package org.castkeeper.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Known bots, which the IAB guidelines leave out of downloads: the patterns of crawler-user-agents (MIT, shipped in
 * {@code analytics/crawler-user-agents.json} with its licence; {@code scripts/update-bot-list} refreshes it).
 *
 * <p>A User-Agent our own table names as a podcast app ({@link Apps}) is never a bot, whatever the list says: the
 * list also holds the feed crawlers of some apps (Overcast's and Pocket Casts' servers poll feeds under the app's
 * name), while the app on a listener's phone downloads the audio under the same name. That is the order OP3 and
 * the OPAWG lists use too: apps first, then bots.
 *
 * <p>The check runs on the analytics writer's thread, never while a request is answered; answers are remembered
 * per User-Agent, since a show's listeners send few distinct ones.
 */
final class Bots {
    private static final int REMEMBERED = 20_000;
    private static final Pattern LIST = load();
    private static final Map<String, Boolean> KNOWN = new ConcurrentHashMap<>();

    private Bots() {}

    static boolean isBot(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return false;
        }
        Boolean known = KNOWN.get(userAgent);
        if (known != null) {
            return known;
        }
        boolean bot =
                Apps.podcastApp(userAgent) == null && LIST.matcher(userAgent).find();
        if (KNOWN.size() >= REMEMBERED) {
            KNOWN.clear();
        }
        KNOWN.put(userAgent, bot);
        return bot;
    }

    /** Every pattern of the shipped list, each as the list writes it (for the test that checks them). */
    static List<String> patterns() {
        try (InputStream in = Bots.class.getResourceAsStream("/analytics/crawler-user-agents.json")) {
            if (in == null) {
                throw new IllegalStateException("analytics/crawler-user-agents.json is missing from the build");
            }
            List<String> patterns = new ArrayList<>();
            for (JsonNode entry : new ObjectMapper().readTree(in)) {
                patterns.add(entry.get("pattern").asText());
            }
            return patterns;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The list's example User-Agents for a pattern, for the test. */
    static Map<String, List<String>> examples() {
        try (InputStream in = Bots.class.getResourceAsStream("/analytics/crawler-user-agents.json")) {
            Map<String, List<String>> examples = new java.util.LinkedHashMap<>();
            for (JsonNode entry : new ObjectMapper().readTree(in)) {
                List<String> instances = new ArrayList<>();
                entry.path("instances").forEach(i -> instances.add(i.asText()));
                examples.put(entry.get("pattern").asText(), instances);
            }
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One pattern of them all: the list is written for case-sensitive matching, as here. */
    private static Pattern load() {
        StringBuilder any = new StringBuilder();
        for (String p : patterns()) {
            any.append(any.isEmpty() ? "" : "|").append("(?:").append(p).append(')');
        }
        return Pattern.compile(any.toString());
    }
}
