package org.castkeeper.config;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration cannot be used. The message lists every problem, each with its key and line. */
public final class ConfigException extends Exception {
    private final List<ConfigProblem> problems;

    public ConfigException(String fileName, List<ConfigProblem> problems) {
        super("Castkeeper cannot start: " + fileName + " has "
                + (problems.size() == 1 ? "a problem" : problems.size() + " problems") + ":\n"
                + problems.stream().map(p -> "  " + p.describe(fileName)).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String message) {
        super(message);
        this.problems = List.of();
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
