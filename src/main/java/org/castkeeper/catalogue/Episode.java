package org.castkeeper.catalogue;

import java.time.Instant;
import java.util.List;

/**
 * One episode as the catalogue holds it. Immutable: edits go through {@link EpisodeRepository#update}.
 *
 * @param guid        the identity podcatchers know the episode by; set once at creation and never changed
 * @param description HTML show notes
 * @param publishAt   when it goes (or went) live; null for a draft that was never scheduled
 * @param explicit    null means "as the show says"
 * @param artworkPath episode art, relative to the media folder, or null
 */
public record Episode(
        int id,
        String guid,
        String slug,
        String title,
        String description,
        EpisodeState state,
        Instant publishAt,
        Integer season,
        Integer episodeNumber,
        EpisodeType type,
        Boolean explicit,
        EpisodeAudio audio,
        String artist,
        String album,
        String artworkPath,
        String transcriptPath,
        String transcriptType,
        List<Chapter> chapters,
        Instant createdAt,
        Instant updatedAt) {

    public Episode {
        chapters = List.copyOf(chapters);
    }

    /** In the feed at {@code now}: published, or scheduled for a time that has come. */
    public boolean isLive(Instant now) {
        return (state == EpisodeState.PUBLISHED || state == EpisodeState.SCHEDULED)
                && publishAt != null && !publishAt.isAfter(now);
    }

    /** The state a host would name at {@code now}: a scheduled episode whose time has come is published. */
    public EpisodeState stateAt(Instant now) {
        return state == EpisodeState.SCHEDULED && isLive(now) ? EpisodeState.PUBLISHED : state;
    }

    public Episode withState(EpisodeState newState, Instant newPublishAt) {
        return new Episode(id, guid, slug, title, description, newState, newPublishAt, season, episodeNumber, type,
                explicit, audio, artist, album, artworkPath, transcriptPath, transcriptType, chapters, createdAt,
                updatedAt);
    }

    public Episode withTitle(String newTitle) {
        return new Episode(id, guid, slug, newTitle, description, state, publishAt, season, episodeNumber, type,
                explicit, audio, artist, album, artworkPath, transcriptPath, transcriptType, chapters, createdAt,
                updatedAt);
    }
}
