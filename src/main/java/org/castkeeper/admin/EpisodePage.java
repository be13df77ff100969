package org.castkeeper.admin;

import java.util.List;

/** What the episode editor shows. Every value is already formatted for the form. */
public record EpisodePage(String csrf, int id, String title, String state, boolean live, String publishAtText,
                          String publicUrl, String notesMarkdown, String season, String number, String type,
                          String explicit, String showExplicit, String chaptersText, String soundbitesText,
                          String audioText,
                          boolean hasTranscript, String scheduleDate, String scheduleTime, String timeZone,
                          List<String> messages, String error) {
}
