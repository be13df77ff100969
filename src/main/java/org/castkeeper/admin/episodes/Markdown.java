package org.castkeeper.admin.episodes;

import org.castkeeper.feed.ShowNotesHtml;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** Show notes are written in Markdown (commonmark) and stored as sanitised HTML beside the source. */
final class Markdown {
    private static final Parser PARSER = Parser.builder().build();
    // Raw HTML in the Markdown is escaped, not passed through; the sanitiser is a second line of defence.
    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder().escapeHtml(true).build();

    private Markdown() {}

    static String toHtml(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return ShowNotesHtml.sanitize(RENDERER.render(PARSER.parse(markdown)).strip());
    }
}
