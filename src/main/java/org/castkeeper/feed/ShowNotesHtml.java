package org.castkeeper.feed;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Show notes are HTML the host wrote (or an ID3 comment made into HTML). Before they reach a feed or a page they
 * pass through jsoup's sanitiser: paragraphs, lists, emphasis and links survive; scripts, styles, event handlers
 * and unknown tags do not.
 */
public final class ShowNotesHtml {
    private static final Safelist ALLOWED = Safelist.basic()
            .addTags("h2", "h3", "h4")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");
    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    private ShowNotesHtml() {}

    public static String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        String clean = Jsoup.clean(XmlText.clean(html), "", ALLOWED, COMPACT);
        // content:encoded is written as CDATA, which "]]>" would end early. Inside HTML, "&gt;" means the same.
        return XmlText.clean(clean.replace("]]>", "]]&gt;"));
    }

    /** The notes as plain text, for places that take no HTML (itunes:summary, Open Graph). */
    public static String toPlainText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return XmlText.clean(Jsoup.parse(html).text());
    }
}
