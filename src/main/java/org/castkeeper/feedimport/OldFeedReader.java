package org.castkeeper.feedimport;

import com.rometools.modules.content.ContentModule;
import com.rometools.modules.itunes.EntryInformationImpl;
import com.rometools.modules.itunes.FeedInformationImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.castkeeper.catalogue.Chapter;
import org.castkeeper.catalogue.EpisodeType;
import org.castkeeper.feed.podcast.PodcastChannel;
import org.castkeeper.feed.podcast.PodcastItem;
import org.castkeeper.feed.podcast.PodcastModule;
import org.castkeeper.feed.podcast.PodcastParser;
import org.castkeeper.feed.psc.PodloveChaptersModule;
import org.castkeeper.feed.rome.CastkeeperRssParser;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.Namespace;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.xml.sax.InputSource;

/**
 * Reads an old feed whole: every page (RFC 5005's {@code <atom:link rel="next">}, loop-safe), each plain or
 * gzipped, in the encoding HTTP names or else the one its XML declaration names (RFC 7303: a missing charset is
 * not US-ASCII). Anything that is not an RSS feed is refused with what it was.
 */
final class OldFeedReader {
    static final int MAX_PAGES = 1_000;
    /** A page is parsed whole; 10,000 items with long notes are about 60 MB. */
    static final long MAX_PAGE_BYTES = 256L * 1024 * 1024;

    private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    private static final Namespace DC = Namespace.getNamespace("http://purl.org/dc/elements/1.1/");
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)");

    private final WebClient web;

    OldFeedReader(WebClient web) {
        this.web = web;
    }

    /** Why an address gave no feed, in the host's words. */
    static final class NotAFeed extends Exception {
        NotAFeed(String message) {
            super(message);
        }
    }

    /** The whole feed: its channel and the items of every page, in the order the feed lists them. */
    record OldFeed(OldShow show, List<OldItem> items, int pages) {}

    OldFeed read(URI url) throws NotAFeed, IOException {
        Set<String> seen = new HashSet<>();
        List<OldItem> items = new ArrayList<>();
        OldShow show = null;
        URI page = url;
        int pages = 0;
        while (page != null && seen.add(page.toString()) && pages < MAX_PAGES) {
            Document document = fetch(page, pages == 0 ? "" : " (page " + (pages + 1) + ")");
            Channel channel;
            try {
                channel = new CastkeeperRssParser()
                        .parse(document, Locale.ROOT, PodcastParser.OLD_URI, PodcastModule.URI);
            } catch (FeedException | RuntimeException e) {
                throw new NotAFeed(page + " is XML but could not be read as RSS: " + e.getMessage());
            }
            Element channelElement = document.getRootElement().getChild("channel");
            if (show == null) {
                show = show(url, channel);
            }
            List<Element> itemElements = channelElement.getChildren("item");
            List<Item> parsed = channel.getItems();
            for (int i = 0; i < parsed.size(); i++) {
                items.add(item(parsed.get(i), itemElements.get(i)));
            }
            pages++;
            page = next(channelElement, page);
        }
        return new OldFeed(show, items, pages);
    }

    private Document fetch(URI url, String which) throws NotAFeed, IOException {
        byte[] body;
        String contentType;
        try (WebClient.Answer answer = web.get(url, true)) {
            if (answer.status() != 200) {
                throw new NotAFeed(url + which + " answered " + answer.status()
                        + (answer.status() == 404 ? " Not Found" : "") + ", not a feed");
            }
            contentType = answer.header("Content-Type");
            body = readAtMost(answer.body(), url);
        }
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        // No DTD is loaded and no entity expands from outside: a feed cannot make us read a file or an address.
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        builder.setExpandEntities(false);
        InputSource source = new InputSource(new ByteArrayInputStream(body));
        Charset charset = charset(contentType);
        if (charset != null) {
            source = new InputSource(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }
        Document document;
        try {
            document = builder.build(source);
        } catch (JDOMException e) {
            throw new NotAFeed(
                    looksLikeHtml(body)
                            ? url + which + " is a web page (HTML), not a feed"
                            : url + which + " is not well-formed XML: " + e.getMessage());
        }
        Element root = document.getRootElement();
        if (root.getName().equalsIgnoreCase("html")) {
            throw new NotAFeed(url + which + " is a web page (HTML), not a feed");
        }
        if (!root.getName().equalsIgnoreCase("rss") || root.getChild("channel") == null) {
            throw new NotAFeed(
                    url + which + " is XML but not an RSS feed (its root element is <" + root.getName() + ">)");
        }
        return document;
    }

    private static byte[] readAtMost(InputStream in, URI url) throws IOException, NotAFeed {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, MAX_PAGE_BYTES + 1));
        if (bytes.length > MAX_PAGE_BYTES) {
            throw new NotAFeed(url + " is larger than " + MAX_PAGE_BYTES / (1024 * 1024) + " MB: not a feed page");
        }
        return bytes;
    }

    /** The charset HTTP names, or null to let the XML declaration (or UTF-8) decide. */
    private static Charset charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return null;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static boolean looksLikeHtml(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1)
                .strip()
                .toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<html");
    }

    private static URI next(Element channel, URI page) {
        for (Element link : channel.getChildren("link", ATOM)) {
            if ("next".equals(link.getAttributeValue("rel")) && link.getAttributeValue("href") != null) {
                try {
                    return page.resolve(link.getAttributeValue("href").strip());
                } catch (IllegalArgumentException broken) {
                    return null;
                }
            }
        }
        return null;
    }

    private static OldShow show(URI url, Channel c) {
        FeedInformationImpl itunes = module(c.getModules(), FeedInformationImpl.class);
        PodcastModule podcast = module(c.getModules(), PodcastModule.class);
        return new OldShow(
                url,
                ItemText.title(c.getTitle()),
                c.getDescription(),
                c.getLanguage(),
                c.getLink(),
                c.getImage() == null ? null : c.getImage().getUrl(),
                itunes == null ? new FeedInformationImpl() : itunes,
                podcast == null ? null : (PodcastChannel) podcast.data());
    }

    private static OldItem item(Item item, Element element) {
        EntryInformationImpl itunes = module(item.getModules(), EntryInformationImpl.class);
        PodcastModule podcastModule = module(item.getModules(), PodcastModule.class);
        PodcastItem podcast = podcastModule == null ? null : (PodcastItem) podcastModule.data();
        ContentModule content = module(item.getModules(), ContentModule.class);
        PodloveChaptersModule psc = module(item.getModules(), PodloveChaptersModule.class);

        String notes = null;
        if (content != null && !content.getEncodeds().isEmpty()) {
            notes = content.getEncodeds().get(0);
        }
        if ((notes == null || notes.isBlank()) && item.getDescription() != null) {
            notes = item.getDescription().getValue();
        }
        if ((notes == null || notes.isBlank()) && itunes != null) {
            notes = itunes.getSummary();
        }
        String title = ItemText.title(item.getTitle());
        if (title == null && itunes != null) {
            title = ItemText.title(itunes.getTitle());
        }
        String dateText = element.getChildTextTrim("pubDate");
        if (dateText == null) {
            dateText = element.getChildTextTrim("date", DC);
        }
        List<String> leftBehind = new ArrayList<>();
        OldItem.Enclosure enclosure = null;
        if (!item.getEnclosures().isEmpty()) {
            Enclosure e = item.getEnclosures().get(0);
            enclosure =
                    new OldItem.Enclosure(e.getUrl() == null ? null : e.getUrl().strip(), e.getType(), e.getLength());
            if (item.getEnclosures().size() > 1) {
                leftBehind.add(
                        "The old feed had " + item.getEnclosures().size() + " enclosures; the first was imported.");
            }
        }
        int alternates = element.getChildren("alternateEnclosure", Namespace.getNamespace(PodcastModule.URI))
                .size();
        if (alternates > 0) {
            leftBehind.add("The old feed offered " + alternates
                    + " alternate enclosure(s) (podcast:alternateEnclosure); Castkeeper serves one file per episode.");
        }
        List<Chapter> inline = new ArrayList<>();
        if (psc != null) {
            for (PodloveChaptersModule.Chapter c : psc.chapters()) {
                inline.add(new Chapter(c.startMillis(), null, c.title(), c.href()));
            }
            if (psc.chapters().stream().anyMatch(c -> c.image() != null)) {
                leftBehind.add("The old chapters had images; Castkeeper's chapters have none.");
            }
        }
        List<OldItem.Transcript> transcripts = new ArrayList<>();
        if (podcast != null) {
            for (PodcastItem.Transcript t : podcast.transcripts()) {
                transcripts.add(new OldItem.Transcript(t.url(), t.type(), t.language()));
            }
        }
        String artwork = itunes != null && itunes.getImageUri() != null
                ? itunes.getImageUri()
                : podcast != null && podcast.image() != null ? podcast.image().href() : null;
        Integer season = itunes != null && itunes.getSeason() != null
                ? itunes.getSeason()
                : podcast == null ? null : podcast.season();
        Integer number = itunes != null && itunes.getEpisode() != null
                ? itunes.getEpisode()
                : podcast == null ? null : podcast.episode();
        return new OldItem(
                item.getGuid() == null
                                || item.getGuid().getValue() == null
                                || item.getGuid().getValue().isBlank()
                        ? null
                        : item.getGuid().getValue().strip(),
                title,
                dateText,
                FeedDates.parse(dateText),
                notes,
                season,
                number,
                type(itunes),
                itunes == null ? null : itunes.getExplicitNullable(),
                enclosure,
                artwork,
                podcast == null ? null : podcast.chaptersUrl(),
                inline,
                transcripts,
                podcast == null ? List.of() : podcast.soundbites(),
                podcast == null ? List.of() : podcast.persons(),
                leftBehind);
    }

    private static EpisodeType type(EntryInformationImpl itunes) {
        String type = itunes == null ? null : itunes.getEpisodeType();
        if (type == null) {
            return EpisodeType.FULL;
        }
        return switch (type) {
            case "trailer" -> EpisodeType.TRAILER;
            case "bonus" -> EpisodeType.BONUS;
            default -> EpisodeType.FULL;
        };
    }

    private static <T> T module(List<Module> modules, Class<T> type) {
        for (Module m : modules) {
            if (type.isInstance(m)) {
                return type.cast(m);
            }
        }
        return null;
    }
}
