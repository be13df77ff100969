package org.castkeeper.feed.podcast;

import java.util.List;
import org.castkeeper.catalogue.Person;
import org.castkeeper.catalogue.Soundbite;

/** Item-level Podcasting 2.0 data. Null and empty values are left out of the feed. */
public record PodcastItem(
        List<Transcript> transcripts,
        String chaptersUrl,
        Integer season,
        Integer episode,
        List<Soundbite> soundbites,
        List<Person> persons,
        PodcastImage image,
        org.castkeeper.config.FeedExtras.SocialInteract socialInteract) {

    /** podcast:transcript. rel is "captions" for timed captions (SRT, VTT), else null. */
    public record Transcript(String url, String type, String language, String rel) {}
}
