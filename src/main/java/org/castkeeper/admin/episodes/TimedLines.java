package org.castkeeper.admin.episodes;

import java.util.regex.Matcher;
import org.castkeeper.admin.shared.InvalidInput;

/** What the host types line by line with times in front, "1:02:30 The research": chapters and soundbites. */
final class TimedLines {
    /** A time as "1:02:30", "12:30" or "2:30", optionally with milliseconds ("12:30.5"): four groups. */
    static final String TIME = "(?:(\\d+):)?(\\d{1,2}):(\\d{2})(?:\\.(\\d{1,3}))?";

    private TimedLines() {}

    /** Handles one non-blank line, numbered from 1 as the host sees them. */
    interface Line {
        void parse(int number, String line) throws InvalidInput;
    }

    static void each(String text, Line line) throws InvalidInput {
        if (text == null) {
            return;
        }
        int number = 0;
        for (String l : text.split("\\R")) {
            number++;
            if (!l.isBlank()) {
                line.parse(number, l);
            }
        }
    }

    /** The {@link #TIME} whose four groups start at {@code first}, in milliseconds. */
    static long millis(Matcher m, int first) {
        long hours = m.group(first) == null ? 0 : Long.parseLong(m.group(first));
        long minutes = Long.parseLong(m.group(first + 1));
        long seconds = Long.parseLong(m.group(first + 2));
        String fraction = m.group(first + 3);
        long millis = fraction == null ? 0 : Long.parseLong((fraction + "00").substring(0, 3));
        return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
    }
}
