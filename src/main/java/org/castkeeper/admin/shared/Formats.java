package org.castkeeper.admin.shared;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.castkeeper.media.PlayTime;

/** How the admin pages write times, lengths and sizes. */
public final class Formats {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");

    private Formats() {}

    public static String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? "" : DATE_TIME.withZone(zone).format(instant);
    }

    public static String duration(int seconds) {
        return PlayTime.of(seconds);
    }

    public static String size(long bytes) {
        if (bytes >= 1_000_000) {
            return String.format("%.1f MB", bytes / 1_000_000.0);
        }
        return String.format("%d KB", Math.max(1, bytes / 1000));
    }
}
