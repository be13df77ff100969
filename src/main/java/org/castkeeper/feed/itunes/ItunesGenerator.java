package org.castkeeper.feed.itunes;

import com.rometools.modules.itunes.AbstractITunesObject;
import com.rometools.modules.itunes.EntryInformationImpl;
import com.rometools.modules.itunes.FeedInformationImpl;
import com.rometools.modules.itunes.types.Category;
import com.rometools.rome.feed.module.Module;
import org.castkeeper.feed.rome.NamespaceGenerator;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Writes Rome's iTunes module data (FeedInformation, EntryInformation) as Apple reads it today.
 *
 * <p>Rome 2.1's own ITunesGenerator writes {@code itunes:explicit} as yes/no (Apple requires true/false), an empty
 * {@code itunes:block} (Apple acts only on "Yes"), an empty {@code itunes:keywords}, and durations as HH:MM:SS.
 * This generator is registered in rome.properties for Castkeeper's own feed type, so it is the only iTunes
 * generator that ever writes a Castkeeper feed, whatever the classpath order.
 */
public final class ItunesGenerator extends NamespaceGenerator {
    public static final Namespace NAMESPACE =
            Namespace.getNamespace(AbstractITunesObject.PREFIX, AbstractITunesObject.URI);

    public ItunesGenerator() {
        super(NAMESPACE);
    }

    @Override
    public void generate(Module module, Element element) {
        if (module instanceof FeedInformationImpl channel) {
            channel(channel, element);
        } else if (module instanceof EntryInformationImpl item) {
            item(item, element);
        }
    }

    private void channel(FeedInformationImpl info, Element channel) {
        add(channel, "author", info.getAuthor());
        // Whole or not at all: itunes:owner without its email is invalid (the W3C validator's "Missing
        // itunes:owner element: itunes:email"), so hiding the email (show.owner.hideEmail) leaves out the element.
        if (info.getOwnerEmailAddress() != null) {
            Element owner = new Element("owner", NAMESPACE);
            add(owner, "name", info.getOwnerName());
            add(owner, "email", info.getOwnerEmailAddress());
            channel.addContent(owner);
        }
        image(channel, info);
        for (Category category : info.getCategories()) {
            Element c = new Element("category", NAMESPACE).setAttribute("text", category.getName());
            if (category.getSubcategory() != null) {
                c.addContent(new Element("category", NAMESPACE)
                        .setAttribute("text", category.getSubcategory().getName()));
            }
            channel.addContent(c);
        }
        explicit(channel, info);
        add(channel, "type", info.getType());
        add(channel, "new-feed-url", info.getNewFeedUrl());
        if (info.getBlock()) {
            add(channel, "block", "Yes");
        }
        if (info.getComplete()) {
            add(channel, "complete", "Yes");
        }
    }

    private void item(EntryInformationImpl info, Element item) {
        add(item, "title", info.getTitle());
        add(item, "author", info.getAuthor());
        if (info.getDuration() != null) {
            // Whole seconds: the form Apple recommends and every podcatcher reads.
            add(item, "duration", Long.toString(Math.round(info.getDuration().getMilliseconds() / 1000.0)));
        }
        image(item, info);
        explicit(item, info);
        add(item, "episodeType", info.getEpisodeType());
        add(item, "season", info.getSeason() == null ? null : info.getSeason().toString());
        add(
                item,
                "episode",
                info.getEpisode() == null ? null : info.getEpisode().toString());
        if (info.getBlock()) {
            add(item, "block", "Yes");
        }
    }

    private static void image(Element parent, AbstractITunesObject info) {
        String href = info.getImageUri() != null
                ? info.getImageUri()
                : info.getImage() != null ? info.getImage().toExternalForm() : null;
        if (href != null) {
            parent.addContent(new Element("image", NAMESPACE).setAttribute("href", href));
        }
    }

    /** Apple's current rule: "true" or "false". Left out when unknown, so an episode inherits the show's value. */
    private static void explicit(Element parent, AbstractITunesObject info) {
        Boolean explicit = info.getExplicitNullable();
        if (explicit != null) {
            add(parent, "explicit", explicit ? "true" : "false");
        }
    }

    private static void add(Element parent, String name, String value) {
        if (value != null && !value.isEmpty()) {
            parent.addContent(new Element(name, NAMESPACE).setText(value));
        }
    }
}
