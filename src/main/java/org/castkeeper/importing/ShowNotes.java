package org.castkeeper.importing;

import java.util.Arrays;
import java.util.stream.Collectors;

/** First show notes for an imported episode, from its ID3 comment: plain text made into safe HTML paragraphs. */
final class ShowNotes {
    private ShowNotes() {}

    static String fromComment(String comment) {
        if (comment == null || comment.isBlank()) {
            return "";
        }
        return Arrays.stream(comment.strip().split("\\R\\s*\\R"))
                .map(p -> "<p>" + escape(p.strip()).replaceAll("\\R", "<br>") + "</p>")
                .collect(Collectors.joining("\n"));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
