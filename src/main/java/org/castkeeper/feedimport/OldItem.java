package org.castkeeper.feedimport;

import java.time.Instant;
import java.util.List;
import org.castkeeper.catalogue.Chapter;
import org.castkeeper.catalogue.EpisodeType;
import org.castkeeper.catalogue.Person;
import org.castkeeper.catalogue.Soundbite;

/**
 * One item of the old feed, as read: what it says, nothing invented. Null means the feed did not say.
 *
 * @param guid          the guid verbatim, or null when the item has none
 * @param dateText      the pubDate as written, for the host when it cannot be read
 * @param notesHtml     content:encoded, else description, else itunes:summary, as HTML (not yet sanitised)
 * @param inlineChapters Podlove Simple Chapters written in the item
 * @param leftBehind    what the item has that Castkeeper does not keep, in the host's words
 */
record OldItem(
        String guid,
        String title,
        String dateText,
        Instant publishedAt,
        String notesHtml,
        Integer season,
        Integer number,
        EpisodeType type,
        Boolean explicit,
        Enclosure enclosure,
        String artworkUrl,
        String chaptersUrl,
        List<Chapter> inlineChapters,
        List<Transcript> transcripts,
        List<Soundbite> soundbites,
        List<Person> persons,
        List<String> leftBehind) {

    OldItem {
        inlineChapters = List.copyOf(inlineChapters);
        transcripts = List.copyOf(transcripts);
        soundbites = List.copyOf(soundbites);
        persons = List.copyOf(persons);
        leftBehind = List.copyOf(leftBehind);
    }

    /** The enclosure as written: its URL untouched, its type and length as the feed claims (often wrong). */
    record Enclosure(String url, String type, long length) {}

    /** A podcast:transcript: its type from the tag, not the URL. */
    record Transcript(String url, String type, String language) {}

    /** What the host can recognise the item by in a report. */
    String label() {
        return "\"" + (title == null ? "(no title)" : title) + "\" (guid " + (guid == null ? "none" : guid) + ")";
    }
}
