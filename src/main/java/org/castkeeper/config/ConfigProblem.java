package org.castkeeper.config;

/**
 * One thing wrong with the configuration.
 *
 * @param key  dotted path of the setting, e.g. "show.owner.email"
 * @param line line in the config file where the key (or the nearest enclosing key) stands; 0 when unknown
 */
public record ConfigProblem(String key, int line, String message) {
    public String describe(String fileName) {
        String where = line > 0 ? fileName + ":" + line : fileName;
        return where + ": " + key + ": " + message;
    }
}
