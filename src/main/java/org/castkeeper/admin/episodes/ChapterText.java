package org.castkeeper.admin.episodes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.castkeeper.admin.shared.InvalidInput;
import org.castkeeper.catalogue.Chapter;
import org.castkeeper.media.PlayTime;

/** Chapters as the host types them, one per line: "0:00 Welcome", "1:02:30 The research". */
final class ChapterText {
    private static final Pattern LINE = Pattern.compile("^\\s*" + TimedLines.TIME + "\\s+(.+?)\\s*$");

    private ChapterText() {}

    /** @param audioMillis how long the episode's audio is: every chapter must start inside it */
    static List<Chapter> parse(String text, long audioMillis) throws InvalidInput {
        List<Chapter> chapters = new ArrayList<>();
        TimedLines.each(text, (number, line) -> {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new InvalidInput("Chapter line " + number + " should look like \"12:30 Title\": " + line.strip());
            }
            long start = TimedLines.millis(m, 1);
            if (!chapters.isEmpty()
                    && start <= chapters.get(chapters.size() - 1).startMillis()) {
                throw new InvalidInput("Chapter line " + number + " starts before the chapter above it.");
            }
            if (start >= audioMillis) {
                throw new InvalidInput("Chapter line " + number + " starts at " + PlayTime.of(start / 1000)
                        + ", after the end of the audio (" + PlayTime.of(audioMillis / 1000) + ").");
            }
            chapters.add(new Chapter(start, null, m.group(5), null));
        });
        return chapters;
    }

    static String format(List<Chapter> chapters) {
        StringBuilder out = new StringBuilder();
        for (Chapter c : chapters) {
            out.append(PlayTime.of(c.startMillis() / 1000))
                    .append(' ')
                    .append(c.title())
                    .append('\n');
        }
        return out.toString();
    }
}
