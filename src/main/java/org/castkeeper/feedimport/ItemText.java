package org.castkeeper.feedimport;

import java.text.Normalizer;
import org.castkeeper.catalogue.EpisodeRules;
import org.castkeeper.importing.ShowNotes;

/** Text from an old feed, kept as it was published: only what no feed reader would show is taken out. */
final class ItemText {
    private ItemText() {}

    /**
     * A title as published: entities are already decoded by the XML parser; outer whitespace trimmed, Unicode
     * NFC, control characters out, line breaks and tabs made spaces. No-break spaces and emoji stay (the editor's
     * rule, {@link EpisodeRules#cleanLine}, would make a no-break space a plain one). Null when nothing is left.
     */
    static String title(String raw) {
        if (raw == null) {
            return null;
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC).replaceAll("[\\r\\n\\t]+", " ");
        s = EpisodeRules.cleanText(s).strip();
        return s.isEmpty() ? null : s;
    }

    /** Show notes as HTML: HTML stays HTML (sanitised when the feed is written), plain text becomes paragraphs. */
    static String notes(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        String s = EpisodeRules.cleanText(Normalizer.normalize(raw.strip(), Normalizer.Form.NFC));
        if (s.matches("(?s).*<\\s*/?\\s*[a-zA-Z][^>]*>.*")) {
            return s;
        }
        return ShowNotes.fromComment(s);
    }
}
