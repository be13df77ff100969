package org.castkeeper.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Lets a deployment override any single setting from the environment without editing the file:
 * {@code CASTKEEPER_SERVER_PUBLIC_URL} sets {@code server.publicUrl}, {@code CASTKEEPER_DATABASE_URL} sets
 * {@code database.url}. The names come from the config records themselves, so a new setting is overridable at once.
 */
final class EnvironmentOverrides {
    static final String PREFIX = "CASTKEEPER_";
    /** Variables with the prefix that are not settings (the config file's own location). */
    private static final List<String> NOT_SETTINGS = List.of("CASTKEEPER_CONFIG");

    private final Map<String, String> applied = new LinkedHashMap<>();
    private final List<String> unknown = new ArrayList<>();

    /** Writes every matching variable into {@code tree}; remembers which key came from which variable. */
    static EnvironmentOverrides apply(Map<String, String> environment, ObjectNode tree, Class<? extends Record> root) {
        EnvironmentOverrides result = new EnvironmentOverrides();
        environment.entrySet().stream()
                .filter(e -> e.getKey().startsWith(PREFIX) && !NOT_SETTINGS.contains(e.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    Optional<List<String>> path = resolve(root, e.getKey().substring(PREFIX.length()));
                    if (path.isEmpty()) {
                        result.unknown.add(e.getKey());
                        return;
                    }
                    ObjectNode node = tree;
                    List<String> keys = path.get();
                    for (String key : keys.subList(0, keys.size() - 1)) {
                        node = node.get(key) instanceof ObjectNode child ? child : node.putObject(key);
                    }
                    node.put(keys.get(keys.size() - 1), e.getValue());
                    result.applied.put(String.join(".", keys), e.getKey());
                });
        return result;
    }

    /** Setting key to the variable that set it, e.g. "server.port" to "CASTKEEPER_SERVER_PORT". */
    Map<String, String> applied() {
        return applied;
    }

    /** Variables that look like settings but match none: most likely typos, worth a warning. */
    List<String> unknown() {
        return unknown;
    }

    /** Finds the record path whose upper-snake-case names join to {@code name}. */
    private static Optional<List<String>> resolve(Class<?> type, String name) {
        if (!type.isRecord()) {
            return Optional.empty();
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String snake = upperSnake(component.getName());
            Class<?> componentType = component.getType();
            boolean nested = componentType.isRecord();
            boolean list = component.getGenericType() instanceof ParameterizedType;
            if (!nested && !list && name.equals(snake)) {
                return Optional.of(List.of(component.getName()));
            }
            if (nested && name.startsWith(snake + "_")) {
                Optional<List<String>> rest = resolve(componentType, name.substring(snake.length() + 1));
                if (rest.isPresent()) {
                    List<String> path = new ArrayList<>();
                    path.add(component.getName());
                    path.addAll(rest.get());
                    return Optional.of(path);
                }
            }
        }
        return Optional.empty();
    }

    /** "publicUrl" becomes "PUBLIC_URL". */
    static String upperSnake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
