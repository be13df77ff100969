package org.castkeeper.config;

import java.time.Duration;
import java.util.Locale;

/**
 * Backups `serve` takes by itself. Off unless {@code dest} is set.
 *
 * @param dest  the backup folder, best on another disk or machine (relative to the config file's folder)
 * @param every how often, e.g. "24h", "6h" or "30m" (default 24h); seconds ("30s") too, for trying it out
 * @param keep  how many snapshots to keep (default 14)
 */
public record BackupSettings(String dest, String every, Integer keep) {
    public static final BackupSettings OFF = new BackupSettings(null, null, null);

    public BackupSettings {
        dest = dest == null || dest.isBlank() ? null : dest.strip();
        every = every == null || every.isBlank() ? "24h" : every.strip();
        keep = keep == null ? 14 : keep;
    }

    public boolean enabled() {
        return dest != null;
    }

    /** {@code every} as a duration, or null when it is not a number followed by s, m, h or d. */
    public Duration interval() {
        String value = every.toLowerCase(Locale.ROOT);
        if (!value.matches("[0-9]{1,5}[smhd]") || value.matches("0+[smhd]")) {
            return null;
        }
        long n = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
