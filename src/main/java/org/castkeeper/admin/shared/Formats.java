package org.castkeeper.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.castkeeper.media.PlayTime;

/** How the admin pages write times, lengths and sizes. */
final class Formats {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");

    private Formats() {}

    static String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? "" : DATE_TIME.withZone(zone).format(instant);
    }

    static String duration(int seconds) {
        return PlayTime.of(seconds);
    }

    static String size(long bytes) {
        if (bytes >= 1_000_000) {
            return String.format("%.1f MB", bytes / 1_000_000.0);
        }
        return String.format("%d KB", Math.max(1, bytes / 1000));
    }
}
