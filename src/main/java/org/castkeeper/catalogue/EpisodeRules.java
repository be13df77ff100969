package org.castkeeper.catalogue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an episode's fields may hold, whichever way they arrive: the editor, an upload, the drop folder or the
 * command line. Text is cleaned of what no reader should see (control characters, and the bidirectional
 * overrides that make "evil" display as "live"); what cannot be used is refused with a message in the host's words.
 * Nothing outside these rules reaches the feed.
 */
public final class EpisodeRules {
    public static final int MAX_TITLE = 255;
    public static final int MAX_NOTES_BYTES = 100 * 1024;
    /** Apple shows only this much of an episode's notes in some places, and warns about more. */
    public static final int APPLE_NOTES_BYTES = 4000;
    /** A schedule further ahead is a typing mistake. */
    public static final Duration MAX_SCHEDULE_AHEAD = Duration.ofDays(3653);

    private EpisodeRules() {}

    /** A field's value that breaks a rule. {@code field} names the form field ("title", "season" ...). */
    public static final class Refused extends org.castkeeper.errors.Refusal {
        public Refused(String field, String message) {
            super(Kind.INVALID, field, message);
        }
    }

    /** A title taken from a file's tag: cleaned and, if need be, shortened, with what was done to it. */
    public record TagTitle(String title, List<String> warnings) {}

    /** The host's title, cleaned: 1 to 255 characters. */
    public static String title(String raw) throws Refused {
        String title = cleanLine(raw);
        if (title.isEmpty()) {
            throw new Refused(
                    "title",
                    raw == null || raw.isBlank()
                            ? "An episode needs a title."
                            : "That title has no visible characters left once control characters are taken out. "
                                    + "Type a title with letters or numbers.");
        }
        if (title.codePointCount(0, title.length()) > MAX_TITLE) {
            throw new Refused(
                    "title",
                    "That title is " + title.codePointCount(0, title.length())
                            + " characters long; directories cut titles short, so keep it to " + MAX_TITLE + ".");
        }
        return title;
    }

    /**
     * A title from an ID3 tag: cleaned, and shortened (with a warning) rather than refused when too long.
     * Null when nothing is left, so the caller falls back to the file's name.
     */
    public static TagTitle titleFromTag(String raw) {
        String title = cleanLine(raw);
        if (title.isEmpty()) {
            return null;
        }
        List<String> warnings = new ArrayList<>();
        if (title.codePointCount(0, title.length()) > MAX_TITLE) {
            title = title.substring(0, title.offsetByCodePoints(0, MAX_TITLE - 1))
                            .strip() + "…";
            warnings.add("The title in the file's tag was longer than " + MAX_TITLE
                    + " characters, so it was shortened; change it in the editor if you like.");
        }
        return new TagTitle(title, warnings);
    }

    /** Show notes as the host typed them (Markdown): cleaned, and up to 100 KB. */
    public static String notes(String raw) throws Refused {
        String notes = cleanText(raw == null ? "" : raw);
        int bytes = notes.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NOTES_BYTES) {
            throw new Refused(
                    "notes",
                    "The show notes are " + bytes / 1024 + " KB; the most an episode can have is "
                            + MAX_NOTES_BYTES / 1024 + " KB. Move the rest to a web page and link to it.");
        }
        return notes;
    }

    /** What directories would frown at in notes that are otherwise fine. */
    public static List<String> notesWarnings(String notes) {
        int bytes = notes == null ? 0 : notes.getBytes(StandardCharsets.UTF_8).length;
        return bytes > APPLE_NOTES_BYTES
                ? List.of("The show notes are " + bytes + " bytes; Apple Podcasts shows only the first "
                        + APPLE_NOTES_BYTES + " in some places.")
                : List.of();
    }

    /** A season or episode number: empty, or a whole number from 1. */
    public static Integer positiveNumber(String raw, String field, String label) throws Refused {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= 1 && n <= 100_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new Refused(field, label + " must be a whole number from 1, such as 3, or left empty.");
    }

    /** When a scheduled episode goes live: in the future, and within ten years. */
    public static Instant scheduleTime(Instant at, Instant now) throws Refused {
        if (!at.isAfter(now)) {
            throw new Refused("date", "That time has passed. Choose a time to come, or publish now.");
        }
        if (at.isAfter(now.plus(MAX_SCHEDULE_AHEAD))) {
            throw new Refused("date", "That is more than ten years away. Choose a date within the next ten years.");
        }
        return at;
    }

    /** One line of text: control characters, line breaks and bidi overrides out, spaces collapsed. */
    public static String cleanLine(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                out.append(' ');
            } else if (!hidden(c)) {
                out.appendCodePoint(c);
            }
        });
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    /** Text of several lines: line breaks and tabs stay; other control characters and bidi overrides go. */
    public static String cleanText(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        raw.replace("\r\n", "\n").codePoints().forEach(c -> {
            if (c == '\n' || c == '\t' || !hidden(c)) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /**
     * Characters that are invisible or change how the text around them displays: C0 and C1 controls, the
     * bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069), the byte-order mark,
     * noncharacters and unpaired surrogates (none of which XML 1.0 or a listener wants).
     */
    private static boolean hidden(int c) {
        return Character.getType(c) == Character.CONTROL
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0xFEFF
                || (c >= 0xFDD0 && c <= 0xFDEF)
                || (c & 0xFFFE) == 0xFFFE
                || Character.getType(c) == Character.SURROGATE;
    }
}
