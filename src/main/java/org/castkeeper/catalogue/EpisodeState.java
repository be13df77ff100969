package org.castkeeper.catalogue;

import java.util.Locale;

/** Where an episode is in its life. Only PUBLISHED, and SCHEDULED once its time has come, are in the feed. */
public enum EpisodeState {
    DRAFT,
    SCHEDULED,
    PUBLISHED,
    UNPUBLISHED;

    /** The lower-case name stored in the database and shown to the host. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EpisodeState fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
