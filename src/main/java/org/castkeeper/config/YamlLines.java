package org.castkeeper.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** Where each key stands in a YAML document, so that a problem found after binding can still name its line. */
final class YamlLines {
    private final Map<String, Integer> lines;

    private YamlLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** No document: every key is on line 0 (for settings that did not come from a file). */
    static final YamlLines NONE = new YamlLines(Map.of());

    static YamlLines of(String yaml) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    String key = parser.getParsingContext().pathAsPointer().toString();
                    lines.putIfAbsent(
                            toDotted(key), parser.currentTokenLocation().getLineNr());
                } else if (token.isScalarValue() || token.isStructStart()) {
                    lines.putIfAbsent(
                            toDotted(parser.getParsingContext().pathAsPointer().toString()),
                            parser.currentTokenLocation().getLineNr());
                }
            }
        }
        return new YamlLines(lines);
    }

    /** The line of {@code key}, else of the nearest enclosing key that is in the file, else 0. */
    int lineOf(String key) {
        String k = key;
        while (!k.isEmpty()) {
            Integer line = lines.get(k);
            if (line != null) {
                return line;
            }
            int dot = Math.max(k.lastIndexOf('.'), k.lastIndexOf('['));
            k = dot < 0 ? "" : k.substring(0, dot);
        }
        return 0;
    }

    /** "/show/categories/0/category" becomes "show.categories[0].category". */
    static String toDotted(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                out.append('[').append(part).append(']');
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return out.toString();
    }
}
