package org.castkeeper.admin;

import java.util.List;

/**
 * What the episode editor shows. Every value is already formatted for the page.
 *
 * @param form           the values in the form: the episode's, or as the host typed them
 * @param republishChoice whether "Publish" should offer "keep the first publish date" or "as new"
 * @param neverPublic    a draft no app has seen: deleting it needs no confirmation
 * @param audioWarnings  what the host should know about the audio (from the upload), until dismissed
 * @param errorField     the field the error is about, marked in the form (null when none)
 * @param confirm        a question to answer before the action goes through (null when none)
 */
public record EpisodePage(
        String csrf,
        int id,
        String title,
        String state,
        boolean live,
        String publishAtText,
        String publicUrl,
        EpisodeForm form,
        String showExplicit,
        String audioUrl,
        String audioText,
        String artworkUrl,
        boolean hasTranscript,
        boolean republishChoice,
        boolean neverPublic,
        String timeZone,
        List<String> messages,
        List<String> audioWarnings,
        String error,
        String errorField,
        Confirm confirm) {

    /** An action waiting for the host's yes: "schedule", "unpublish" or "delete", and what it will do. */
    public record Confirm(String action, String question) {}

    public boolean invalid(String field) {
        return field.equals(errorField);
    }
}
