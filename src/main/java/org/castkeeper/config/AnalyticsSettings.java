package org.castkeeper.config;

/**
 * Listener analytics (see the README's "Who listens").
 *
 * @param enabled false records nothing at all (default true: salted hashes of the day, never addresses)
 */
public record AnalyticsSettings(Boolean enabled) {
    public static final AnalyticsSettings DEFAULT = new AnalyticsSettings(null);

    public AnalyticsSettings {
        enabled = enabled == null || enabled;
    }
}
