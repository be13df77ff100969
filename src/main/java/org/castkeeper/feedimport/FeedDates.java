package org.castkeeper.feedimport;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An item's date as feeds really write it, to the second. RFC 822 with or without the weekday or seconds, a
 * weekday that contradicts the date (the date wins: the weekday is not read at all), two- or four-digit years,
 * named zones (RFC 822's and the common non-standard ones), numeric offsets with or without a colon, ISO 8601,
 * and day and month names in English, German, French, Spanish, Italian, Portuguese and Dutch. A date without a
 * zone is UTC. Rome's own date parser gives up on most of these, and a lost date would move an old episode to the
 * top of every app's list.
 */
final class FeedDates {
    private FeedDates() {}

    /** [weekday,] day month year [hh:mm[:ss[.fff]]] [zone] */
    private static final Pattern RFC_822 =
            Pattern.compile("^(?:[\\p{L}.]+,?\\s+)?(\\d{1,2})\\.?\\s+([\\p{L}.]+)\\s+(\\d{2,4})"
                    + "(?:,?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?)?\\s*(.*)$");
    /** [weekday,] month day, year [time] [zone]: the American order some hand-made feeds use. */
    private static final Pattern MONTH_FIRST =
            Pattern.compile("^(?:[\\p{L}.]+,?\\s+)?([\\p{L}.]+)\\s+(\\d{1,2}),?\\s+(\\d{4})"
                    + "(?:,?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?)?\\s*(.*)$");

    private static final Pattern OFFSET = Pattern.compile("^(?:GMT|UTC|UT)?([+-])(\\d{1,2}):?(\\d{2})?$");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            // English
            Map.entry("jan", 1),
            Map.entry("feb", 2),
            Map.entry("mar", 3),
            Map.entry("apr", 4),
            Map.entry("may", 5),
            Map.entry("jun", 6),
            Map.entry("jul", 7),
            Map.entry("aug", 8),
            Map.entry("sep", 9),
            Map.entry("oct", 10),
            Map.entry("nov", 11),
            Map.entry("dec", 12),
            // German, Dutch
            Map.entry("mrz", 3),
            Map.entry("mae", 3),
            Map.entry("mai", 5),
            Map.entry("okt", 10),
            Map.entry("dez", 12),
            Map.entry("mrt", 3),
            Map.entry("mei", 5),
            // French (four letters where June and July share three)
            Map.entry("jan.", 1),
            Map.entry("fev", 2),
            Map.entry("avr", 4),
            Map.entry("juin", 6),
            Map.entry("juil", 7),
            Map.entry("aou", 8),
            // Spanish, Italian, Portuguese
            Map.entry("ene", 1),
            Map.entry("abr", 4),
            Map.entry("ago", 8),
            Map.entry("dic", 12),
            Map.entry("gen", 1),
            Map.entry("mag", 5),
            Map.entry("giu", 6),
            Map.entry("lug", 7),
            Map.entry("set", 9),
            Map.entry("ott", 10),
            Map.entry("out", 10));

    /** RFC 822's zones and the abbreviations hosts write anyway. Ambiguous ones take their most common meaning. */
    private static final Map<String, Integer> ZONE_MINUTES = Map.ofEntries(
            Map.entry("Z", 0),
            Map.entry("UT", 0),
            Map.entry("UTC", 0),
            Map.entry("GMT", 0),
            Map.entry("WET", 0),
            Map.entry("BST", 60),
            Map.entry("IST", 330),
            Map.entry("CET", 60),
            Map.entry("MEZ", 60),
            Map.entry("CEST", 120),
            Map.entry("MESZ", 120),
            Map.entry("WEST", 60),
            Map.entry("EET", 120),
            Map.entry("EEST", 180),
            Map.entry("MSK", 180),
            Map.entry("WAT", 60),
            Map.entry("CAT", 120),
            Map.entry("EAT", 180),
            Map.entry("SAST", 120),
            Map.entry("EST", -300),
            Map.entry("EDT", -240),
            Map.entry("ET", -300),
            Map.entry("CST", -360),
            Map.entry("CDT", -300),
            Map.entry("CT", -360),
            Map.entry("MST", -420),
            Map.entry("MDT", -360),
            Map.entry("MT", -420),
            Map.entry("PST", -480),
            Map.entry("PDT", -420),
            Map.entry("PT", -480),
            Map.entry("AKST", -540),
            Map.entry("AKDT", -480),
            Map.entry("HST", -600),
            Map.entry("AST", -240),
            Map.entry("ADT", -180),
            Map.entry("NST", -210),
            Map.entry("JST", 540),
            Map.entry("KST", 540),
            Map.entry("HKT", 480),
            Map.entry("SGT", 480),
            Map.entry("AWST", 480),
            Map.entry("ACST", 570),
            Map.entry("ACDT", 630),
            Map.entry("AEST", 600),
            Map.entry("AEDT", 660),
            Map.entry("NZST", 720),
            Map.entry("NZDT", 780));

    /** The instant {@code raw} names, or null when it cannot be read. */
    static Instant parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip().replaceAll("\\s+", " ");
        Instant iso = iso(s);
        if (iso != null) {
            return iso;
        }
        Matcher m = RFC_822.matcher(s);
        if (m.matches()) {
            Instant at = at(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7));
            if (at != null) {
                return at;
            }
        }
        m = MONTH_FIRST.matcher(s);
        if (m.matches()) {
            return at(m.group(2), m.group(1), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7));
        }
        return null;
    }

    private static Instant iso(String s) {
        String t = s.matches("^\\d{4}-\\d{2}-\\d{2} \\d.*") ? s.replaceFirst(" ", "T") : s;
        t = t.replaceFirst(" ?([+-]\\d{2}):?(\\d{2})$", "$1:$2").replaceFirst(" ?(?:UTC|GMT)$", "Z");
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            // Next shape.
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocal) {
            // Next shape.
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static Instant at(
            String day, String monthName, String yearText, String hour, String minute, String second, String zone) {
        Integer month = month(monthName);
        Integer offsetMinutes = offsetMinutes(zone);
        if (month == null || offsetMinutes == null) {
            return null;
        }
        int year = Integer.parseInt(yearText);
        if (yearText.length() == 2) {
            year += year < 70 ? 2000 : 1900;
        } else if (yearText.length() == 3) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.of(
                    year,
                    month,
                    Integer.parseInt(day),
                    hour == null ? 0 : Integer.parseInt(hour),
                    minute == null ? 0 : Integer.parseInt(minute),
                    second == null ? 0 : Integer.parseInt(second));
            return local.toInstant(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    private static Integer month(String name) {
        String n = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace(".", "");
        if (n.equals("marz") || n.equals("maerz")) {
            return 3;
        }
        if (n.length() >= 4 && MONTHS.containsKey(n.substring(0, 4))) {
            return MONTHS.get(n.substring(0, 4));
        }
        return n.length() >= 3 ? MONTHS.get(n.substring(0, 3)) : null;
    }

    /** Minutes east of UTC; 0 for no zone; null for one that cannot be read. */
    private static Integer offsetMinutes(String zone) {
        String z = zone == null ? "" : zone.strip().replaceAll("^\\(|\\)$", "");
        if (z.isEmpty()) {
            return 0;
        }
        Integer named = ZONE_MINUTES.get(z.toUpperCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        Matcher m = OFFSET.matcher(z.toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            // "+0000 (UTC)", "GMT+0000 (Coordinated Universal Time)": the first word decides.
            int space = z.indexOf(' ');
            return space > 0 ? offsetMinutes(z.substring(0, space)) : null;
        }
        int hours = Integer.parseInt(m.group(2));
        int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        int total = hours * 60 + minutes;
        return total > 18 * 60 ? null : (m.group(1).equals("-") ? -total : total);
    }
}
