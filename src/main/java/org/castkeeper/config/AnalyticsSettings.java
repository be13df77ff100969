package org.castkeeper.config;

/**
 * Listener analytics (see the README's "Who listens").
 *
 * @param enabled     false records nothing at all (default true: salted hashes of the day, never addresses)
 * @param keepRawDays days the raw requests are kept before only their daily counts remain (default 30)
 * @param geoip       a GeoLite2 or DB-IP country (or city) .mmdb file for countries, relative to the config file's
 *                    folder; none by default
 */
public record AnalyticsSettings(Boolean enabled, Integer keepRawDays, String geoip) {
    public static final AnalyticsSettings DEFAULT = new AnalyticsSettings(null, null, null);

    public AnalyticsSettings {
        enabled = enabled == null || enabled;
        keepRawDays = keepRawDays == null ? Integer.valueOf(30) : keepRawDays;
        if (keepRawDays < 2) {
            throw new IllegalArgumentException(
                    "analytics.keepRawDays must be 2 or more (a day is counted once it is over), not " + keepRawDays);
        }
    }
}
