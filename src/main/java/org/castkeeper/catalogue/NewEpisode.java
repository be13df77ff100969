package org.castkeeper.catalogue;

import java.time.Instant;
import java.util.List;

/** What is known of an episode before it is catalogued; the repository adds the id, guid, slug and times. */
public record NewEpisode(
        String title,
        String description,
        EpisodeState state,
        Instant publishAt,
        EpisodeAudio audio,
        String artist,
        String album,
        String artworkPath,
        List<Chapter> chapters) {

    public NewEpisode {
        chapters = List.copyOf(chapters);
    }
}
