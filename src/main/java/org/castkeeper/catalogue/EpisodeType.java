package org.castkeeper.catalogue;

import java.util.Locale;

/** Apple's itunes:episodeType. */
public enum EpisodeType {
    FULL,
    TRAILER,
    BONUS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EpisodeType fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
