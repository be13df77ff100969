package org.castkeeper.catalogue;

import java.time.Instant;
import java.util.List;

/**
 * What is known of an episode before it is catalogued; the repository adds the id, slug and times, and the guid
 * unless the episode moves in from an old feed ({@link #fromFeed}).
 */
public record NewEpisode(
        String title,
        String description,
        EpisodeState state,
        Instant publishAt,
        EpisodeAudio audio,
        String artist,
        String album,
        String artworkPath,
        List<Chapter> chapters,
        FromFeed fromFeed) {

    public NewEpisode {
        chapters = List.copyOf(chapters);
    }

    /** An episode made here from an audio file: Castkeeper gives it its guid. */
    public NewEpisode(
            String title,
            String description,
            EpisodeState state,
            Instant publishAt,
            EpisodeAudio audio,
            String artist,
            String album,
            String artworkPath,
            List<Chapter> chapters) {
        this(title, description, state, publishAt, audio, artist, album, artworkPath, chapters, null);
    }

    /**
     * What an item of an old feed brings beyond a file's tags. Its guid is kept verbatim: apps know the episode
     * by it. Two items may carry the same audio and are still two episodes.
     *
     * @param sourceUrl   the enclosure URL the audio was downloaded from
     * @param fingerprint what the item said when it was imported, to tell a later change at the old host
     */
    public record FromFeed(
            String guid,
            Integer season,
            Integer number,
            EpisodeType type,
            Boolean explicit,
            List<Soundbite> soundbites,
            List<Person> persons,
            List<Transcript> transcripts,
            String sourceUrl,
            String fingerprint) {
        public FromFeed {
            soundbites = List.copyOf(soundbites);
            persons = List.copyOf(persons);
            transcripts = List.copyOf(transcripts);
        }
    }
}
