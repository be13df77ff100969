package org.castkeeper.catalogue;

import java.time.Instant;
import java.util.List;

/**
 * One episode as the catalogue holds it. Immutable: an edit is a new value, saved by {@code
 * episodes.EpisodeLifecycle} (through {@link EpisodeRepository#update}).
 *
 * @param guid        the identity podcatchers know the episode by; set once at creation and never changed
 * @param description HTML show notes, sanitised on the way out
 * @param notesMarkdown the Markdown the host wrote them in, when they were written in the admin pages
 * @param publishAt   when it goes (or went) live; null for a draft that was never scheduled
 * @param explicit    null means "as the show says"
 * @param artworkPath episode art, relative to the media store, or null
 * @param transcripts its transcripts, in the order the feed lists them; the one uploaded in the editor first
 * @param socialUri   the root post of the episode's own comment thread (podcast:socialInteract), or null
 */
public record Episode(
        int id,
        String guid,
        String slug,
        String title,
        String description,
        String notesMarkdown,
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
        List<Transcript> transcripts,
        String socialUri,
        List<Chapter> chapters,
        List<Soundbite> soundbites,
        List<Person> persons,
        Instant createdAt,
        Instant updatedAt) {

    public Episode {
        transcripts = List.copyOf(transcripts);
        chapters = List.copyOf(chapters);
        soundbites = List.copyOf(soundbites);
        persons = List.copyOf(persons);
    }

    /** In the feed at {@code now}: published, or scheduled for a time that has come. */
    /** Every file in the media store this episode uses: its audio, and its artwork and transcripts if any. */
    public java.util.List<String> files() {
        java.util.List<String> files = new java.util.ArrayList<>(3);
        files.add(audio.path());
        if (artworkPath != null) {
            files.add(artworkPath);
        }
        for (Transcript t : transcripts) {
            files.add(t.path());
        }
        return files;
    }

    /** The first timed transcript (WebVTT or SRT), for a player's captions; null when there is none. */
    public Transcript captions() {
        return transcripts.stream().filter(Transcript::timed).findFirst().orElse(null);
    }

    public boolean isLive(Instant now) {
        return (state == EpisodeState.PUBLISHED || state == EpisodeState.SCHEDULED)
                && publishAt != null
                && !publishAt.isAfter(now);
    }

    /**
     * Whether apps may have it: it is live, or it went out before it was unpublished. Deleting such an episode
     * needs the host's confirmation; a draft nobody saw goes at once.
     */
    public boolean hasBeenPublic(Instant now) {
        return isLive(now) || (state == EpisodeState.UNPUBLISHED && publishAt != null && !publishAt.isAfter(now));
    }

    /** The state a host would name at {@code now}: a scheduled episode whose time has come is published. */
    public EpisodeState stateAt(Instant now) {
        return state == EpisodeState.SCHEDULED && isLive(now) ? EpisodeState.PUBLISHED : state;
    }

    public Episode withState(EpisodeState newState, Instant newPublishAt) {
        return edit().state(newState).publishAt(newPublishAt).build();
    }

    public Episode withTitle(String newTitle) {
        return edit().title(newTitle).build();
    }

    /** A copy to change field by field: {@code episode.edit().title("New").season(2).build()}. */
    public Editor edit() {
        return new Editor(this);
    }

    /** Changes a copy of an episode. The id, guid and creation time cannot be changed. */
    public static final class Editor {
        private final Episode original;
        private String slug;
        private String title;
        private String description;
        private String notesMarkdown;
        private EpisodeState state;
        private Instant publishAt;
        private Integer season;
        private Integer episodeNumber;
        private EpisodeType type;
        private Boolean explicit;
        private EpisodeAudio audio;
        private String artworkPath;
        private List<Transcript> transcripts;
        private String socialUri;
        private List<Chapter> chapters;
        private List<Soundbite> soundbites;
        private List<Person> persons;

        private Editor(Episode e) {
            original = e;
            slug = e.slug;
            title = e.title;
            description = e.description;
            notesMarkdown = e.notesMarkdown;
            state = e.state;
            publishAt = e.publishAt;
            season = e.season;
            episodeNumber = e.episodeNumber;
            type = e.type;
            explicit = e.explicit;
            audio = e.audio;
            artworkPath = e.artworkPath;
            transcripts = e.transcripts;
            socialUri = e.socialUri;
            chapters = e.chapters;
            soundbites = e.soundbites;
            persons = e.persons;
        }

        public Editor slug(String v) {
            slug = v;
            return this;
        }

        public Editor title(String v) {
            title = v;
            return this;
        }

        public Editor description(String v) {
            description = v;
            return this;
        }

        /** Show notes written in Markdown, with the HTML made from them. */
        public Editor notes(String markdown, String html) {
            notesMarkdown = markdown;
            description = html;
            return this;
        }

        public Editor state(EpisodeState v) {
            state = v;
            return this;
        }

        public Editor publishAt(Instant v) {
            publishAt = v;
            return this;
        }

        public Editor season(Integer v) {
            season = v;
            return this;
        }

        public Editor episodeNumber(Integer v) {
            episodeNumber = v;
            return this;
        }

        public Editor type(EpisodeType v) {
            type = v;
            return this;
        }

        public Editor explicit(Boolean v) {
            explicit = v;
            return this;
        }

        public Editor audio(EpisodeAudio v) {
            audio = v;
            return this;
        }

        public Editor artworkPath(String v) {
            artworkPath = v;
            return this;
        }

        /** The transcript uploaded in the editor: it replaces the first, and the others stay. */
        public Editor transcript(String path, String mimeType) {
            List<Transcript> next = new java.util.ArrayList<>(transcripts);
            Transcript uploaded = new Transcript(path, mimeType, null);
            if (next.isEmpty()) {
                next.add(uploaded);
            } else {
                next.set(0, uploaded);
            }
            transcripts = next;
            return this;
        }

        public Editor socialUri(String v) {
            socialUri = v;
            return this;
        }

        public Editor chapters(List<Chapter> v) {
            chapters = v;
            return this;
        }

        public Editor soundbites(List<Soundbite> v) {
            soundbites = v;
            return this;
        }

        public Editor persons(List<Person> v) {
            persons = v;
            return this;
        }

        public Episode build() {
            Episode o = original;
            return new Episode(
                    o.id,
                    o.guid,
                    slug,
                    title,
                    description,
                    notesMarkdown,
                    state,
                    publishAt,
                    season,
                    episodeNumber,
                    type,
                    explicit,
                    audio,
                    o.artist,
                    o.album,
                    artworkPath,
                    transcripts,
                    socialUri,
                    chapters,
                    soundbites,
                    persons,
                    o.createdAt,
                    o.updatedAt);
        }
    }
}
