package org.castkeeper.feed;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.Publication;
import org.castkeeper.config.ShowSettings;
import org.jdom2.Attribute;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.filter.Filters;
import org.jdom2.output.XMLOutputter;
import org.jdom2.output.support.AbstractXMLOutputProcessor;
import org.jdom2.output.support.FormatStack;
import org.jdom2.util.NamespaceStack;

/**
 * Writes a feed page in parts, with Rome as the one producer of the XML: each episode's {@code <item>} on its
 * own, and the page's frame (everything before the first item and after the last). Joined in order, the parts are
 * byte for byte what {@link FeedWriter} writes for the whole page, so an item is written once, when it changes, and
 * a page is assembled from the parts that did not change (see {@link FeedCache}).
 *
 * <p>How: Rome builds its JDOM tree as usual and JDOM's pretty printer writes it, while a small output processor
 * notes where each item starts and ends. An item's text is therefore exactly what the printer writes inside the
 * page; the only thing an item changes outside itself is the root element's namespace declarations (Rome declares
 * only the namespaces the page uses), so each part also says which namespaces it uses and the frame declares their
 * union.
 */
final class FeedParts {
    /** Items rendered in one JDOM tree at most: a tree of thousands of items would take hundreds of MB of heap. */
    private static final int ITEMS_PER_TREE = 200;

    private final FeedBuilder builder;
    private final AtomicLong serials = new AtomicLong();

    FeedParts(FeedBuilder builder) {
        this.builder = builder;
    }

    /** What every item takes from the show. */
    FeedBuilder.ItemInputs inputs(ShowSettings show) {
        return builder.inputs(show);
    }

    /**
     * One item as it appears in a page: the whitespace before it and its element, as UTF-8.
     *
     * @param serial     tells this writing of the item from every other, however equal their bytes
     * @param namespaces the prefixed namespaces it uses, which the page's root must declare
     */
    record ItemPart(
            long serial, Episode episode, FeedBuilder.ItemInputs inputs, byte[] xml, Set<Namespace> namespaces) {}

    /** A page without its items: what comes before the first and after the last. */
    record Frame(byte[] head, byte[] tail) {}

    /** Writes each episode's item, for a page of {@code publication}. */
    List<ItemPart> items(Publication publication, List<Episode> episodes) {
        FeedBuilder.ItemInputs inputs = builder.inputs(publication.show());
        FeedPage empty = new FeedPage(1, 1, List.of());
        List<ItemPart> written = new ArrayList<>(episodes.size());
        for (int from = 0; from < episodes.size(); from += ITEMS_PER_TREE) {
            List<Episode> some = episodes.subList(from, Math.min(episodes.size(), from + ITEMS_PER_TREE));
            Channel channel = builder.channel(publication, empty);
            List<com.rometools.rome.feed.rss.Item> items = new ArrayList<>(some.size());
            for (Episode e : some) {
                items.add(builder.item(e, inputs));
            }
            channel.setItems(items);
            Document document = jdom(channel);
            List<Element> elements =
                    document.getRootElement().getChild("channel").getChildren("item");
            Marking marking = print(document);
            String text = marking.text();
            for (int i = 0; i < some.size(); i++) {
                int start = marking.starts.get(i);
                // The whitespace before an item is what the printer put between the frame and the first one.
                int before = text.lastIndexOf('>', start - 1) + 1;
                String xml = text.substring(before, marking.ends.get(i));
                written.add(new ItemPart(
                        serials.incrementAndGet(),
                        some.get(i),
                        inputs,
                        xml.getBytes(StandardCharsets.UTF_8),
                        namespacesUsed(elements.get(i))));
            }
        }
        return written;
    }

    /** The page's frame, declaring the namespaces its items use. */
    Frame frame(Publication publication, FeedPage page, Set<Namespace> itemNamespaces) {
        Channel channel = builder.channel(publication, page);
        Document document = jdom(channel);
        Element root = document.getRootElement();
        Set<Namespace> declared = new LinkedHashSet<>(root.getAdditionalNamespaces());
        declared.addAll(itemNamespaces);
        for (Namespace ns : List.copyOf(root.getAdditionalNamespaces())) {
            root.removeNamespaceDeclaration(ns);
        }
        for (Namespace ns : declared) {
            root.addNamespaceDeclaration(ns);
        }
        String text = print(document).text();
        int close = text.lastIndexOf("</channel>");
        int headEnd = text.lastIndexOf('>', close - 1) + 1;
        return new Frame(
                text.substring(0, headEnd).getBytes(StandardCharsets.UTF_8),
                text.substring(headEnd).getBytes(StandardCharsets.UTF_8));
    }

    private static Document jdom(Channel channel) {
        try {
            return new WireFeedOutput().outputJDom(channel);
        } catch (FeedException e) {
            throw new IllegalStateException("the feed could not be written: " + e.getMessage(), e);
        }
    }

    /** The document as text, with where each item of the channel starts and ends in it. */
    private static Marking print(Document document) {
        Marking marking = new Marking();
        try {
            new XMLOutputter(FeedWriter.FORMAT, marking).output(document, marking.out);
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter does not fail", e);
        }
        return marking;
    }

    private static Set<Namespace> namespacesUsed(Element item) {
        Set<Namespace> used = new HashSet<>();
        for (Element e : item.getDescendants(Filters.element())) {
            add(used, e.getNamespace());
            for (Attribute a : e.getAttributes()) {
                add(used, a.getNamespace());
            }
        }
        return used;
    }

    private static void add(Set<Namespace> used, Namespace ns) {
        if (!ns.getPrefix().isEmpty()) {
            used.add(ns);
        }
    }

    /** JDOM's own printer, noting the text positions of the channel's items as it writes them. */
    private static final class Marking extends AbstractXMLOutputProcessor {
        final StringWriter out = new StringWriter(64 * 1024);
        final List<Integer> starts = new ArrayList<>();
        final List<Integer> ends = new ArrayList<>();

        String text() {
            return out.toString();
        }

        @Override
        protected void printElement(Writer writer, FormatStack fstack, NamespaceStack nstack, Element element)
                throws IOException {
            boolean item = "item".equals(element.getName())
                    && element.getParentElement() != null
                    && "channel".equals(element.getParentElement().getName());
            if (item) {
                starts.add(out.getBuffer().length());
            }
            super.printElement(writer, fstack, nstack, element);
            if (item) {
                ends.add(out.getBuffer().length());
            }
        }
    }
}
