package org.castkeeper.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlTextTest {
    @Test
    void dropsWhatXml10ForbidsAndKeepsEverythingElse() {
        assertThat(XmlText.clean("a\u0000b\u0001c\u0008d\u000Be\u001Ff")).isEqualTo("abcdef");
        assertThat(XmlText.clean("tab\tnew\nline\r")).isEqualTo("tab\tnew\nline\r");
        assertThat(XmlText.clean("lone \uD800 surrogate \uDC00")).isEqualTo("lone  surrogate ");
        assertThat(XmlText.clean("\uFFFE\uFFFF")).isEmpty();
        assertThat(XmlText.clean("emoji 🎙️ and 心 and ]]> & <b>")).isEqualTo("emoji 🎙️ and 心 and ]]> & <b>");
        assertThat(XmlText.clean(null)).isNull();
    }

    @Test
    void cleanTextIsReturnedAsIs() {
        String clean = "Weekly insight";
        assertThat(XmlText.clean(clean)).isSameAs(clean);
    }
}
