package org.castkeeper.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShowNotesHtmlTest {
    @Test
    void keepsFormattingAndLinksDropsScriptsAndHandlers() {
        String dirty = "<p onclick=\"steal()\">Hello <b>world</b> <a href=\"https://example.org\">link</a>"
                + "<a href=\"javascript:alert(1)\">bad</a></p><script>alert(1)</script><iframe src=x></iframe>"
                + "<ul><li>one</li></ul><img src=x onerror=alert(1)>";
        String clean = ShowNotesHtml.sanitize(dirty);
        assertThat(clean)
                .contains("<p>Hello <b>world</b> <a href=\"https://example.org\" rel=\"nofollow noopener\">link</a>")
                .contains("<ul><li>one</li></ul>")
                .doesNotContain("script", "onclick", "javascript", "iframe", "onerror", "<img");
    }

    @Test
    void controlCharactersNeverReachTheFeed() {
        assertThat(ShowNotesHtml.sanitize("<p>a\u0001b</p>")).isEqualTo("<p>ab</p>");
    }

    @Test
    void neverContainsTheEndOfACdataSection() {
        String notes = ShowNotesHtml.sanitize("<p>a ]]> b <a href=\"https://example.org/x]]>y\">l</a></p>");
        assertThat(notes).doesNotContain("]]>").contains("a ]]&gt; b");
    }

    @Test
    void plainTextForPlacesWithoutHtml() {
        assertThat(ShowNotesHtml.toPlainText("<p>Sleep &amp; <b>stress</b></p>"))
                .isEqualTo("Sleep & stress");
    }
}
