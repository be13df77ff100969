package org.castkeeper.catalogue;

import java.text.Normalizer;
import java.util.Locale;

/** URL-safe names for episodes: "Sleep & Stress, part 2" becomes "sleep-stress-part-2". */
public final class Slugs {
    static final int MAX_LENGTH = 80;

    private Slugs() {}

    /** ASCII letters, digits and single hyphens; "episode" when the title has none of those (e.g. all Cyrillic). */
    public static String of(String title) {
        String ascii = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (ascii.length() > MAX_LENGTH) {
            ascii = ascii.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return ascii.isEmpty() ? "episode" : ascii;
    }
}
