package org.castkeeper.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A check of our own in the spirit of the W3C feed validator: every element of each golden feed is in a namespace
 * the feed declares, is a tag that namespace defines, and carries the attributes the namespace requires.
 */
class FeedNamespacesTest {
    private static final Map<String, Set<String>> KNOWN = Map.of(
            "",
                    Set.of(
                            "rss",
                            "channel",
                            "title",
                            "link",
                            "description",
                            "language",
                            "copyright",
                            "item",
                            "guid",
                            "pubDate",
                            "enclosure",
                            "image",
                            "url",
                            "generator",
                            "lastBuildDate",
                            "category"),
            "http://www.itunes.com/dtds/podcast-1.0.dtd",
                    Set.of(
                            "author",
                            "owner",
                            "name",
                            "email",
                            "image",
                            "category",
                            "explicit",
                            "type",
                            "block",
                            "complete",
                            "new-feed-url",
                            "title",
                            "duration",
                            "episode",
                            "season",
                            "episodeType",
                            "summary"),
            "https://podcastindex.org/namespace/1.0",
                    Set.of(
                            "guid",
                            "locked",
                            "funding",
                            "person",
                            "location",
                            "medium",
                            "license",
                            "txt",
                            "updateFrequency",
                            "image",
                            "podroll",
                            "remoteItem",
                            "value",
                            "valueRecipient",
                            "transcript",
                            "chapters",
                            "season",
                            "episode",
                            "soundbite",
                            "socialInteract"),
            "http://podlove.org/simple-chapters", Set.of("chapters", "chapter"),
            "http://www.spotify.com/ns/rss", Set.of("limit", "countryOfOrigin"),
            "http://www.google.com/schemas/play-podcasts/1.0", Set.of("block"),
            "http://purl.org/rss/1.0/modules/content/", Set.of("encoded"),
            "http://www.w3.org/2005/Atom", Set.of("link"));

    /** Attributes each tag must have, by "namespace local-name". */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            "https://podcastindex.org/namespace/1.0 image", List.of("href"),
            "https://podcastindex.org/namespace/1.0 remoteItem", List.of("feedGuid"),
            "https://podcastindex.org/namespace/1.0 value", List.of("type", "method"),
            "https://podcastindex.org/namespace/1.0 valueRecipient", List.of("type", "address", "split"),
            "https://podcastindex.org/namespace/1.0 socialInteract", List.of("protocol"),
            "https://podcastindex.org/namespace/1.0 transcript", List.of("url", "type"),
            "https://podcastindex.org/namespace/1.0 chapters", List.of("url", "type"),
            "http://podlove.org/simple-chapters chapters", List.of("version"),
            "http://podlove.org/simple-chapters chapter", List.of("start", "title"),
            " enclosure", List.of("url", "length", "type"));

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "full", "hostile", "verified"})
    void everyTagIsOneItsNamespaceDefinesWithTheAttributesItRequires(String name) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var doc = factory.newDocumentBuilder()
                .parse(Files.newInputStream(Path.of("src/test/resources/feeds/" + name + ".xml")));
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String ns = e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
            assertThat(KNOWN).as("namespace of <%s>", e.getTagName()).containsKey(ns);
            assertThat(KNOWN.get(ns)).as("<%s> in %s", e.getTagName(), ns).contains(e.getLocalName());
            for (String attribute : REQUIRED.getOrDefault(ns + " " + e.getLocalName(), List.of())) {
                assertThat(e.getAttribute(attribute))
                        .as("%s on <%s>", attribute, e.getTagName())
                        .isNotBlank();
            }
            if (ns.equals("http://podlove.org/simple-chapters")
                    && e.getLocalName().equals("chapter")) {
                assertThat(e.getAttribute("start")).matches("\\d{2}:\\d{2}:\\d{2}\\.\\d{3}");
            }
            String tag = ns + " " + e.getLocalName();
            if (tag.equals(ITUNES + " owner")) {
                // The W3C validator: "Missing itunes:owner element: itunes:email".
                assertThat(e.getElementsByTagNameNS(ITUNES, "email").getLength())
                        .as("itunes:email in itunes:owner")
                        .isEqualTo(1);
            }
            if (tag.equals(PODCAST + " socialInteract")) {
                // "disabled" stands alone; every other protocol names the root post.
                if (e.getAttribute("protocol").equals("disabled")) {
                    assertThat(e.getAttributes().getLength())
                            .as("attributes of a disabled socialInteract")
                            .isEqualTo(1);
                } else {
                    assertThat(e.getAttribute("uri"))
                            .as("uri on <%s>", e.getTagName())
                            .isNotBlank();
                }
            }
            if (tag.equals(PODCAST + " txt") && e.getAttribute("purpose").equals("ai-content")) {
                assertThat(e.getTextContent()).isIn("true", "false");
            }
        }
    }

    private static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    private static final String PODCAST = "https://podcastindex.org/namespace/1.0";
}
