package org.castkeeper.admin.episodes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.castkeeper.admin.shared.InvalidInput;
import org.castkeeper.catalogue.Soundbite;
import org.castkeeper.media.PlayTime;

/**
 * Soundbites (podcast:soundbite: short clips apps can play to tempt a listener) as the host types them, one per
 * line: where it starts, how long it is, and a title, e.g. "12:30 0:45 The one habit that changed my sleep".
 */
final class SoundbiteText {
    private static final Pattern LINE =
            Pattern.compile("^\\s*" + TimedLines.TIME + "\\s+" + TimedLines.TIME + "(?:\\s+(.+?))?\\s*$");
    /** Apps play a soundbite as a teaser: the Podcasting 2.0 namespace suggests 15 to 120 seconds. */
    static final long MAX_MILLIS = 5 * 60 * 1000;

    private SoundbiteText() {}

    /** @param audioMillis how long the episode's audio is: every soundbite must lie inside it */
    static List<Soundbite> parse(String text, long audioMillis) throws InvalidInput {
        List<Soundbite> soundbites = new ArrayList<>();
        TimedLines.each(text, (number, line) -> {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new InvalidInput("Soundbite line " + number + " should look like \"12:30 0:45 Title\" (where it "
                        + "starts, how long it is, a title): " + line.strip());
            }
            long start = TimedLines.millis(m, 1);
            long duration = TimedLines.millis(m, 5);
            if (duration == 0 || duration > MAX_MILLIS) {
                throw new InvalidInput("Soundbite line " + number + " lasts " + PlayTime.of(duration / 1000)
                        + ": make it between 0:01 and 5:00 (apps play it as a teaser; 0:15 to 2:00 works best).");
            }
            if (start + duration > audioMillis) {
                throw new InvalidInput("Soundbite line " + number + " ends at " + PlayTime.of((start + duration) / 1000)
                        + ", after the end of the audio (" + PlayTime.of(audioMillis / 1000) + ").");
            }
            soundbites.add(new Soundbite(start, duration, m.group(9)));
        });
        return soundbites;
    }

    static String format(List<Soundbite> soundbites) {
        StringBuilder out = new StringBuilder();
        for (Soundbite s : soundbites) {
            out.append(PlayTime.of(s.startMillis() / 1000)).append(' ').append(PlayTime.of(s.durationMillis() / 1000));
            if (s.title() != null && !s.title().isBlank()) {
                out.append(' ').append(s.title());
            }
            out.append('\n');
        }
        return out.toString();
    }
}
