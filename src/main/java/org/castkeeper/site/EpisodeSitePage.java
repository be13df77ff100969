package org.castkeeper.site;

import java.util.List;

/** One episode's public page. {@code notesHtml} is sanitised show notes, written into the page as HTML. */
public record EpisodeSitePage(
        SiteHead head,
        ShowPage.EpisodeLine episode,
        String notesHtml,
        List<ChapterLine> chapters,
        String transcriptUrl) {

    /** A chapter, with its start time written for people and in seconds for the player. */
    public record ChapterLine(String time, String title, long seconds) {}
}
