package org.castkeeper.cli;

import java.nio.file.Path;
import org.castkeeper.config.AppConfig;
import org.castkeeper.config.ConfigException;
import org.castkeeper.config.ConfigLoader;
import picocli.CommandLine.Option;

/** The --config option every command shares. */
final class ConfigOption {
    @Option(
            names = {"-c", "--config"},
            paramLabel = "PATH",
            description = "The show's config file (default: $CASTKEEPER_CONFIG, else ./feed-config.yml).")
    Path path;

    AppConfig load() throws ConfigException {
        return ConfigLoader.load(file());
    }

    /** For a restore into an empty folder: the files the settings name may not be there yet. */
    AppConfig loadBeforeRestore() throws ConfigException {
        return ConfigLoader.loadBeforeRestore(file());
    }

    private Path file() {
        if (path != null) {
            return path;
        }
        String fromEnv = System.getenv("CASTKEEPER_CONFIG");
        return Path.of(fromEnv != null && !fromEnv.isBlank() ? fromEnv : "feed-config.yml");
    }
}
