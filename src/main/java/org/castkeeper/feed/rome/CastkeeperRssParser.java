package org.castkeeper.feed.rome;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.impl.RSS20Parser;
import java.util.Locale;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Reads any RSS feed (0.91 to 2.0, with or without a version) with Castkeeper's own module parsers, the
 * counterparts of its generators: like {@link CastkeeperRssGenerator}, a feed type of our own makes the parser
 * lists in our rome.properties the complete lists. Elements in a namespace's older URI are read as the current
 * one.
 */
public final class CastkeeperRssParser extends RSS20Parser {
    public CastkeeperRssParser() {
        super(CastkeeperRssGenerator.FEED_TYPE);
    }

    /**
     * @param renamedNamespaces pairs of (older URI, current URI): elements in the older one are moved into the
     *                          current one before the modules read them
     */
    public Channel parse(Document document, Locale locale, String... renamedNamespaces) throws FeedException {
        for (int i = 0; i + 1 < renamedNamespaces.length; i += 2) {
            rename(document.getRootElement(), renamedNamespaces[i], renamedNamespaces[i + 1]);
        }
        return (Channel) parse(document, false, locale);
    }

    private static void rename(Element element, String from, String to) {
        if (element.getNamespaceURI().equals(from)) {
            element.setNamespace(Namespace.getNamespace(element.getNamespacePrefix(), to));
        }
        for (Element child : element.getChildren()) {
            rename(child, from, to);
        }
    }
}
