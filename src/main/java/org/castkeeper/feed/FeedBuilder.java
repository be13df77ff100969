package org.castkeeper.feed;

import com.rometools.modules.atom.modules.AtomLinkModuleImpl;
import com.rometools.modules.content.ContentModuleImpl;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Image;
import com.rometools.rome.feed.rss.Item;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.Publication;
import org.castkeeper.config.FeedExtras;
import org.castkeeper.config.ShowSettings;
import org.castkeeper.feed.googleplay.GooglePlayModule;
import org.castkeeper.feed.itunes.ItunesTags;
import org.castkeeper.feed.podcast.PodcastTags;
import org.castkeeper.feed.psc.PodloveChaptersModule;
import org.castkeeper.feed.rome.CastkeeperRssGenerator;
import org.castkeeper.feed.spotify.SpotifyModule;

/**
 * Turns the published catalogue (the show's settings and its live episodes) into a Rome RSS {@link Channel}. It knows RSS 2.0's own elements; each other
 * namespace's tags come from that namespace's class (ItunesTags, PodcastTags ...), and Rome's generators write them.
 * Every piece of text passes through {@link XmlText} or {@link ShowNotesHtml} on its way in.
 */
public final class FeedBuilder {
    private final FeedUrls urls;
    private final List<String> websubHubs;

    /**
     * What an item takes from the show besides the episode itself. An item rendered for the same episode and the
     * same inputs is the same XML, which is what lets {@link FeedCache} keep each item's bytes until one of them
     * changes.
     */
    public record ItemInputs(
            Boolean showExplicit, String language, FeedExtras.SocialInteract showSocial, String op3Prefix) {}

    /** What every item of {@code show}'s feed takes from the show. */
    public ItemInputs inputs(ShowSettings show) {
        return new ItemInputs(
                show.explicit(),
                show.language(),
                show.socialInteract(),
                show.op3() ? Op3.prefix(PodcastTags.guid(show, urls)) : null);
    }

    public FeedBuilder(FeedUrls urls) {
        this(urls, List.of());
    }

    /** @param websubHubs announced as atom:link rel="hub", so subscribers can be told of changes at once */
    public FeedBuilder(FeedUrls urls, List<String> websubHubs) {
        this.urls = urls;
        this.websubHubs = List.copyOf(websubHubs);
    }

    /** The whole page as one channel: {@link #channel} with {@link #item} for each of its episodes. */
    public Channel build(Publication publication, FeedPage page) {
        Channel channel = channel(publication, page);
        ItemInputs inputs = inputs(publication.show());
        List<Item> items = new ArrayList<>(page.items().size());
        for (Episode e : page.items()) {
            items.add(item(e, inputs));
        }
        channel.setItems(items);
        return channel;
    }

    /** The page's channel: everything but its items. */
    public Channel channel(Publication publication, FeedPage page) {
        ShowSettings show = publication.show();
        Channel channel = new Channel(CastkeeperRssGenerator.FEED_TYPE);
        channel.setTitle(XmlText.clean(show.title()));
        channel.setLink(show.link() != null ? show.link() : urls.site());
        channel.setDescription(XmlText.clean(show.description().strip()));
        channel.setLanguage(show.language());
        channel.setCopyright(XmlText.clean(show.copyright()));
        channel.setGenerator("Castkeeper");
        channel.setLastBuildDate(Date.from(publication.lastModified()));
        if (!publication.live().isEmpty()) {
            channel.setPubDate(Date.from(publication.live().get(0).publishAt()));
        }
        Image image = new Image();
        image.setUrl(urls.showArtwork());
        image.setTitle(channel.getTitle());
        image.setLink(channel.getLink());
        // Rome writes -1 for an unset size; RSS readers take a missing size as the defaults.
        image.setWidth(null);
        image.setHeight(null);
        channel.setImage(image);

        List<Module> modules = new ArrayList<>();
        modules.add(atomLinks(page));
        modules.add(ItunesTags.channel(show, urls));
        modules.add(PodcastTags.channel(show, urls));
        if (show.spotify() != null) {
            modules.add(new SpotifyModule(show.spotify().limit(), show.spotify().countryOfOrigin()));
        }
        modules.add(new GooglePlayModule(show.blocksYouTube()));
        channel.setModules(modules);
        return channel;
    }

    /** One episode's item; it depends on nothing but the episode and {@code inputs}. */
    public Item item(Episode e, ItemInputs inputs) {
        Item item = new Item();
        item.setTitle(XmlText.clean(e.title()));
        item.setLink(urls.episodePage(e.slug()));
        String notes = e.description() == null ? "" : ShowNotesHtml.sanitize(e.description());
        if (!notes.isEmpty()) {
            Description description = new Description();
            description.setType("text/html");
            description.setValue(notes);
            item.setDescription(description);
        }
        item.setPubDate(Date.from(e.publishAt()));
        Guid guid = new Guid();
        guid.setPermaLink(false);
        guid.setValue(e.guid());
        item.setGuid(guid);
        Enclosure enclosure = new Enclosure();
        String media = urls.media(e.audio().path());
        enclosure.setUrl(inputs.op3Prefix() == null ? media : Op3.wrap(inputs.op3Prefix(), media));
        enclosure.setLength(e.audio().sizeBytes());
        enclosure.setType(e.audio().mimeType());
        item.setEnclosures(List.of(enclosure));

        List<Module> modules = new ArrayList<>();
        if (!notes.isEmpty()) {
            ContentModuleImpl content = new ContentModuleImpl();
            content.setEncodeds(List.of(notes));
            modules.add(content);
        }
        modules.add(ItunesTags.item(e, inputs.showExplicit(), urls));
        modules.add(PodcastTags.item(e, inputs.language(), inputs.showSocial(), urls));
        if (!e.chapters().isEmpty()) {
            // Inline as well as in the JSON file: Spotify and gPodder read only these.
            modules.add(new PodloveChaptersModule(e.chapters().stream()
                    .map(c -> new PodloveChaptersModule.Chapter(
                            c.startMillis(),
                            XmlText.clean(java.util.Objects.requireNonNullElse(c.title(), "")),
                            webLink(c.url()),
                            null))
                    .toList()));
        }
        item.setModules(modules);
        return item;
    }

    /** A chapter's link, only when it is an http or https URL that apps can open. */
    private static String webLink(String url) {
        if (url == null) {
            return null;
        }
        String clean = XmlText.clean(url.strip());
        return clean.startsWith("https://") || clean.startsWith("http://") ? clean : null;
    }

    /** atom:link rel="self" (PSP-1 requires it), and RFC 5005 paging links when the feed is split into pages. */
    private AtomLinkModuleImpl atomLinks(FeedPage page) {
        List<Link> links = new ArrayList<>();
        links.add(link("self", urls.feedPage(page.number())));
        for (String hub : websubHubs) {
            Link link = new Link();
            link.setRel("hub");
            link.setHref(hub);
            links.add(link);
        }
        if (page.isPaged()) {
            links.add(link("first", urls.feedPage(1)));
            links.add(link("last", urls.feedPage(page.pageCount())));
            if (page.number() > 1) {
                links.add(link("previous", urls.feedPage(page.number() - 1)));
            }
            if (page.number() < page.pageCount()) {
                links.add(link("next", urls.feedPage(page.number() + 1)));
            }
        }
        AtomLinkModuleImpl atom = new AtomLinkModuleImpl();
        atom.setLinks(links);
        return atom;
    }

    private static Link link(String rel, String href) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href);
        link.setType("application/rss+xml");
        return link;
    }
}
