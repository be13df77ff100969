package org.castkeeper.distribution;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** What a directory reads from the feed, taken from the real feed bytes rather than from our own settings. */
record FeedFacts(
        int sizeBytes,
        String link,
        String author,
        String language,
        String description,
        String explicit,
        String ownerEmail,
        List<String> categories,
        List<Item> items) {

    static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    static final String PODCAST = "https://podcastindex.org/namespace/1.0";
    static final String PSC = "http://podlove.org/simple-chapters";

    /**
     * @param podcastChapters it links a podcast:chapters JSON file
     * @param pscChapters     it carries Podlove Simple Chapters inline
     * @param transcriptTypes the types of its podcast:transcript tags
     */
    record Item(
            String title,
            String guid,
            String enclosureUrl,
            long enclosureLength,
            String enclosureType,
            boolean podcastChapters,
            boolean pscChapters,
            List<String> transcriptTypes) {}

    static FeedFacts parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document d = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Element channel = (Element) d.getElementsByTagName("channel").item(0);
        List<String> categories = new ArrayList<>();
        for (Element c : children(channel, ITUNES, "category")) {
            categories.add(c.getAttribute("text"));
        }
        List<Item> items = new ArrayList<>();
        for (Element item : children(channel, "", "item")) {
            Element enclosure = first(item, "", "enclosure");
            long length = -1;
            try {
                length = enclosure == null ? -1 : Long.parseLong(enclosure.getAttribute("length"));
            } catch (NumberFormatException ignored) {
                // Reported as a mismatch by the enclosure check.
            }
            List<String> transcripts = children(item, PODCAST, "transcript").stream()
                    .map(t -> t.getAttribute("type"))
                    .toList();
            items.add(new Item(
                    text(item, "", "title"),
                    text(item, "", "guid"),
                    enclosure == null ? null : enclosure.getAttribute("url"),
                    length,
                    enclosure == null ? null : enclosure.getAttribute("type"),
                    first(item, PODCAST, "chapters") != null,
                    first(item, PSC, "chapters") != null,
                    transcripts));
        }
        Element owner = first(channel, ITUNES, "owner");
        return new FeedFacts(
                xml.length,
                text(channel, "", "link"),
                text(channel, ITUNES, "author"),
                text(channel, "", "language"),
                text(channel, "", "description"),
                text(channel, ITUNES, "explicit"),
                owner == null ? null : text(owner, ITUNES, "email"),
                categories,
                items);
    }

    private static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e
                    && name.equals(e.getLocalName())
                    && namespace.equals(e.getNamespaceURI() == null ? "" : e.getNamespaceURI())) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element first(Element parent, String namespace, String name) {
        List<Element> found = children(parent, namespace, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String text(Element parent, String namespace, String name) {
        Element e = first(parent, namespace, name);
        return e == null ? null : e.getTextContent().strip();
    }
}
