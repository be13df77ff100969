package org.castkeeper.catalogue;

import java.time.Instant;
import java.util.Locale;

/**
 * A file an episode no longer uses (see EpisodeRepository#update): kept aside by the media store for
 * storage.retainDays (data/retired/, or a bucket's retired/ prefix), its URL redirecting to the episode's new file,
 * and Gone after that.
 *
 * @param path      where it was in the media store, as its URL named it
 * @param episodeId the episode that used it
 * @param kind      which of the episode's files it was
 */
public record RetiredFile(String path, int episodeId, Kind kind, Instant retiredAt) {

    public enum Kind {
        AUDIO,
        ARTWORK,
        TRANSCRIPT;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    /** The episode's file of the same kind now, or null when it has none. */
    public String replacementIn(Episode e) {
        return switch (kind) {
            case AUDIO -> e.audio().path();
            case ARTWORK -> e.artworkPath();
            case TRANSCRIPT ->
                e.transcripts().isEmpty() ? null : e.transcripts().get(0).path();
        };
    }
}
