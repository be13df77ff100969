package org.castkeeper.importing;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Show notes from plain text (an ID3 comment, an old feed's itunes:summary): paragraphs of escaped text, with
 * single line breaks kept.
 */
public final class ShowNotes {
    private ShowNotes() {}

    public static String fromComment(String comment) {
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
