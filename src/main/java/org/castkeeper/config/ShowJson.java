package org.castkeeper.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The show's settings as JSON, the form the catalogue stores them in (show_settings.settings). The names are
 * those of feed-config.yml's show section, so a value means the same in the file, the database and the
 * environment.
 */
public final class ShowJson {
    static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ShowJson() {}

    public static String write(ShowSettings show) {
        try {
            return JSON.writeValueAsString(show);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Show settings cannot be written as JSON", e);
        }
    }

    /** @throws IllegalArgumentException when the text is not the JSON of show settings */
    public static ShowSettings read(String json) {
        try {
            return JSON.readValue(json, ShowSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The stored show settings cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code show} with one top-level text setting replaced, e.g. ("artwork", "data/show-artwork/show-3f9a1c2b7d.jpg"). */
    public static ShowSettings with(ShowSettings show, String key, String value) {
        ObjectNode tree = tree(show);
        if (value == null) {
            tree.remove(key);
        } else {
            tree.put(key, value);
        }
        try {
            return JSON.treeToValue(tree, ShowSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(key + " is not a text setting of the show", e);
        }
    }

    static ObjectNode tree(ShowSettings show) {
        return JSON.valueToTree(show);
    }

    /**
     * Every value by its key as feed-config.yml spells it, e.g. "owner.email" or "categories[1].category": what a
     * change log compares and lists. Keys in the file's order.
     */
    public static Map<String, String> flatten(ShowSettings show) {
        Map<String, String> values = new LinkedHashMap<>();
        flatten("", JSON.valueToTree(show), values);
        return values;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            node.properties()
                    .forEach(e ->
                            flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), into);
            }
        } else if (!node.isNull()) {
            into.put(prefix, node.asText());
        }
    }
}
