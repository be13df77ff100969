package org.castkeeper.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads feed-config.yml into an {@link AppConfig}: parse, apply CASTKEEPER_* environment overrides, bind to the
 * records, validate. Any problem stops here with a message naming the key and the line; nothing is touched before.
 */
public final class ConfigLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** The file's top level, as written. */
    private record FileContents(
            ShowSettings show,
            ServerSettings server,
            StorageSettings storage,
            DatabaseSettings database,
            FeedSettings feed,
            NotifySettings notifications,
            BackupSettings backup,
            AnalyticsSettings analytics) {}

    private ConfigLoader() {}

    public static AppConfig load(Path file) throws ConfigException {
        return load(file, System.getenv());
    }

    public static AppConfig load(Path file, Map<String, String> environment) throws ConfigException {
        return load(file, environment, false);
    }

    /**
     * As {@link #load(Path, Map)}, for a restore into an empty folder: files the settings name (the show
     * artwork) may be missing, as the restore is what brings them back.
     */
    public static AppConfig loadBeforeRestore(Path file) throws ConfigException {
        return load(file, System.getenv(), true);
    }

    private static AppConfig load(Path file, Map<String, String> environment, boolean filesMayBeMissing)
            throws ConfigException {
        String name = String.valueOf(file.getFileName());
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("Castkeeper cannot start: there is no config file at " + file.toAbsolutePath()
                    + ". Pass --config PATH, or set CASTKEEPER_CONFIG.");
        } catch (IOException e) {
            throw new ConfigException("Castkeeper cannot start: " + file.toAbsolutePath() + " cannot be read: " + e);
        }

        YamlLines lines;
        JsonNode tree;
        try {
            lines = YamlLines.of(text);
            tree = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ConfigException(
                    name,
                    List.of(new ConfigProblem("(syntax)", line, "this is not valid YAML: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new ConfigException("Castkeeper cannot start: " + name + " cannot be read: " + e.getMessage());
        }
        if (!(tree instanceof ObjectNode root)) {
            throw new ConfigException(
                    name,
                    List.of(
                            new ConfigProblem(
                                    "(file)",
                                    1,
                                    "the file is empty or not a set of settings; start from the feed-config.yml in the repository")));
        }

        JsonNode fileShowNode =
                root.get("show") == null ? null : root.get("show").deepCopy();
        EnvironmentOverrides overrides = EnvironmentOverrides.apply(environment, root, FileContents.class);
        overrides.unknown().forEach(v -> LOG.warn("Environment variable {} matches no setting and is ignored", v));

        FileContents contents;
        try {
            contents = YAML.treeToValue(root, FileContents.class);
        } catch (JsonMappingException e) {
            throw new ConfigException(name, List.of(bindingProblem(e, lines, overrides)));
        } catch (JsonProcessingException e) {
            throw new ConfigException(name, List.of(new ConfigProblem("(file)", 0, e.getOriginalMessage())));
        }
        AppConfig config = new AppConfig(
                file,
                contents.show(),
                contents.server() != null ? contents.server() : new ServerSettings(null, null, null, null),
                contents.storage() != null ? contents.storage() : new StorageSettings(null, null, null),
                contents.database() != null ? contents.database() : DatabaseSettings.DEFAULT,
                contents.feed() != null ? contents.feed() : FeedSettings.DEFAULT,
                contents.notifications() != null ? contents.notifications() : NotifySettings.NONE,
                contents.backup() != null ? contents.backup() : BackupSettings.OFF,
                fileShow(fileShowNode, contents.show()),
                showOverrides(overrides, environment),
                contents.analytics() != null ? contents.analytics() : AnalyticsSettings.DEFAULT);

        List<ConfigProblem> problems = new ArrayList<>();
        for (ConfigProblem p : ConfigValidator.validate(config, lines)) {
            if (filesMayBeMissing && p.message().startsWith(ConfigValidator.NO_FILE)) {
                continue;
            }
            String variable = overrides.applied().get(p.key());
            problems.add(
                    variable == null ? p : new ConfigProblem(p.key(), 0, p.message() + " (set by " + variable + ")"));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(name, problems);
        }
        return config;
    }

    /** The show section as the file alone says it (without the environment): what seeds the catalogue. */
    private static ShowSettings fileShow(JsonNode node, ShowSettings withEnvironment) {
        if (node == null) {
            return withEnvironment;
        }
        try {
            return YAML.treeToValue(node, ShowSettings.class);
        } catch (JsonProcessingException e) {
            // The environment repaired a value the file gets wrong; the repaired show is the only valid one.
            return withEnvironment;
        }
    }

    private static ShowOverrides showOverrides(EnvironmentOverrides overrides, Map<String, String> environment) {
        Map<String, ShowOverrides.Variable> values = new java.util.LinkedHashMap<>();
        overrides.applied().forEach((key, variable) -> {
            if (key.startsWith("show.")) {
                values.put(
                        key.substring("show.".length()),
                        new ShowOverrides.Variable(variable, environment.get(variable)));
            }
        });
        return new ShowOverrides(values);
    }

    private static ConfigProblem bindingProblem(JsonMappingException e, YamlLines lines, EnvironmentOverrides env) {
        String key = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            message = "unknown setting; the settings here are "
                    + u.getKnownPropertyIds().stream()
                            .map(Object::toString)
                            .sorted()
                            .collect(Collectors.joining(", "));
        } else if (e instanceof InvalidFormatException f) {
            message = "'" + f.getValue() + "' is not " + describe(f.getTargetType());
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            message = "expected " + describe(m.getTargetType());
        } else {
            message = e.getOriginalMessage();
        }
        String variable = env.applied().get(key);
        if (variable != null) {
            return new ConfigProblem(key, 0, message + " (set by " + variable + ")");
        }
        return new ConfigProblem(key, lines.lineOf(key), message);
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a piece of text";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a group of settings (key: value lines)";
    }
}
