package org.castkeeper.admin.episodes;

import java.util.List;

/**
 * What the episode editor shows. Every value is already formatted for the page.
 *
 * @param form           the values in the form: the episode's, or as the host typed them
 * @param republishChoice whether "Publish" should offer "keep the first publish date" or "as new"
 * @param neverPublic    a draft no app has seen: deleting it needs no confirmation
 * @param audioWarnings  what the host should know about the audio (from the upload), until dismissed
 * @param error          what went wrong, when it is about no one field (null when nothing did)
 * @param problems       each field that is wrong, with what is wrong with it, in the order of the form
 * @param confirm        a question to answer before the action goes through (null when none)
 * @param embedSnippet   the iframe another site pastes to play this episode (null until it is live)
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
        java.util.Map<String, String> problems,
        Confirm confirm,
        String embedSnippet) {

    public EpisodePage {
        problems = problems == null ? java.util.Map.of() : problems;
    }

    /** An action waiting for the host's yes: "schedule", "unpublish" or "delete", and what it will do. */
    public record Confirm(String action, String question) {}

    public boolean invalid(String field) {
        return problems.containsKey(field);
    }

    /** What is wrong with {@code field}, or null. */
    public String problem(String field) {
        return problems.get(field);
    }

    /** The label of a field, for the list of problems at the top. */
    public static String label(String field) {
        return switch (field) {
            case "title" -> "Title";
            case "notes" -> "Show notes";
            case "season" -> "Season";
            case "number" -> "Episode number";
            case "type" -> "Type";
            case "explicit" -> "Explicit";
            case "chapters" -> "Chapters";
            case "soundbites" -> "Soundbites";
            case "socialUri" -> "Comments post";
            case "date" -> "Date";
            case "time" -> "Time";
            case "artwork" -> "Episode artwork";
            case "transcript" -> "Transcript";
            default -> field;
        };
    }
}
