package org.castkeeper.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * The show settings set by CASTKEEPER_SHOW_* environment variables. They win over the file and over what the host
 * saves in the admin, so a deployment can pin a value; the settings page marks such a value "set by the
 * environment".
 *
 * @param values setting key without "show." (e.g. "owner.email") to the variable that sets it and its value
 */
public record ShowOverrides(Map<String, Variable> values) {
    public static final ShowOverrides NONE = new ShowOverrides(Map.of());

    /** One environment variable and the value it gives. */
    public record Variable(String name, String value) {}

    public ShowOverrides {
        values = Map.copyOf(values);
    }

    /** The variable that sets {@code key} (as in "owner.email"), if one does. */
    public Optional<String> variableFor(String key) {
        return Optional.ofNullable(values.get(key)).map(Variable::name);
    }

    /** {@code show} with every overridden value replaced by the environment's. */
    public ShowSettings apply(ShowSettings show) {
        if (values.isEmpty()) {
            return show;
        }
        ObjectNode tree = ShowJson.tree(show);
        values.forEach((key, variable) -> {
            String[] keys = key.split("\\.");
            ObjectNode node = tree;
            for (int i = 0; i < keys.length - 1; i++) {
                node = node.get(keys[i]) instanceof ObjectNode child ? child : node.putObject(keys[i]);
            }
            node.put(keys[keys.length - 1], variable.value());
        });
        try {
            return ShowJson.JSON.treeToValue(tree, ShowSettings.class);
        } catch (JsonProcessingException e) {
            // The loader bound the same values at start, so this cannot fail for a value it accepted.
            throw new IllegalStateException("Environment show settings do not fit: " + e.getOriginalMessage(), e);
        }
    }
}
