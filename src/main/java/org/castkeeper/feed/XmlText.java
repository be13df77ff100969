package org.castkeeper.feed;

/**
 * Makes any text safe to put in an XML 1.0 document. The catalogue keeps what the host typed or the ID3 tag held,
 * control characters and all; the feed must never carry a character XML 1.0 forbids, or every subscriber's app
 * rejects the whole feed. Escaping of {@code <}, {@code &} and {@code ]]>} is left to the XML writer.
 */
public final class XmlText {
    private XmlText() {}

    /** The text without the characters XML 1.0 forbids (C0 controls but tab/CR/LF, lone surrogates, U+FFFE/F). */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            boolean allowed = cp == 0x9
                    || cp == 0xA
                    || cp == 0xD
                    || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD)
                    || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!allowed && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null && allowed) {
                out.appendCodePoint(cp);
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }
}
