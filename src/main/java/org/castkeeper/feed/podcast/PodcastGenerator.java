package org.castkeeper.feed.podcast;

import com.rometools.rome.feed.module.Module;
import org.castkeeper.catalogue.Person;
import org.castkeeper.catalogue.Soundbite;
import org.castkeeper.config.FeedExtras;
import org.castkeeper.feed.Seconds;
import org.castkeeper.feed.rome.NamespaceGenerator;
import org.jdom2.Element;
import org.jdom2.Namespace;

/** Writes the Podcasting 2.0 tags (podcastindex.org/namespace/1.0) for a channel or an item. */
public final class PodcastGenerator extends NamespaceGenerator {
    public static final Namespace NAMESPACE = Namespace.getNamespace(PodcastModule.PREFIX, PodcastModule.URI);

    public PodcastGenerator() {
        super(NAMESPACE);
    }

    @Override
    public void generate(Module module, Element element) {
        if (module instanceof PodcastModule podcast) {
            if (podcast.data() instanceof PodcastChannel channel) {
                channel(channel, element);
            } else if (podcast.data() instanceof PodcastItem item) {
                item(item, element);
            }
        }
    }

    private void channel(PodcastChannel c, Element channel) {
        text(channel, "guid", c.guid());
        Element locked = tag("locked").setText(c.locked() ? "yes" : "no");
        if (c.lockedOwner() != null) {
            locked.setAttribute("owner", c.lockedOwner());
        }
        channel.addContent(locked);
        for (FeedExtras.Funding f : c.funding()) {
            channel.addContent(tag("funding").setAttribute("url", f.url()).setText(orEmpty(f.text())));
        }
        for (FeedExtras.Person p : c.persons()) {
            channel.addContent(person(p.name(), p.role(), p.group(), p.img(), p.href()));
        }
        if (c.location() != null) {
            Element location = tag("location").setText(c.location().name());
            attribute(location, "geo", c.location().geo());
            attribute(location, "osm", c.location().osm());
            channel.addContent(location);
        }
        text(channel, "medium", c.medium());
        if (c.license() != null) {
            Element license = tag("license").setText(c.license().name());
            attribute(license, "url", c.license().url());
            channel.addContent(license);
        }
        for (FeedExtras.Txt t : c.txt()) {
            Element txt = tag("txt").setText(t.value());
            attribute(txt, "purpose", t.purpose());
            channel.addContent(txt);
        }
        if (c.updateFrequency() != null) {
            FeedExtras.UpdateFrequency u = c.updateFrequency();
            Element frequency = tag("updateFrequency").setText(orEmpty(u.text()));
            attribute(frequency, "rrule", u.rrule());
            attribute(frequency, "dtstart", u.dtstart());
            if (Boolean.TRUE.equals(u.complete())) {
                frequency.setAttribute("complete", "true");
            }
            channel.addContent(frequency);
        }
        image(c.image(), channel);
        if (!c.podroll().isEmpty()) {
            Element podroll = tag("podroll");
            for (FeedExtras.RemoteItem r : c.podroll()) {
                Element item = tag("remoteItem").setAttribute("feedGuid", r.feedGuid());
                attribute(item, "feedUrl", r.feedUrl());
                podroll.addContent(item);
            }
            channel.addContent(podroll);
        }
        if (c.value() != null) {
            FeedExtras.Value v = c.value();
            Element value = tag("value").setAttribute("type", v.type()).setAttribute("method", v.method());
            attribute(value, "suggested", v.suggested());
            for (FeedExtras.ValueRecipient r : v.recipients()) {
                Element recipient = tag("valueRecipient");
                attribute(recipient, "name", r.name());
                recipient
                        .setAttribute("type", r.type())
                        .setAttribute("address", r.address())
                        .setAttribute("split", r.split().toString());
                attribute(recipient, "customKey", r.customKey());
                attribute(recipient, "customValue", r.customValue());
                value.addContent(recipient);
            }
            channel.addContent(value);
        }
        socialInteract(c.socialInteract(), channel);
    }

    private static void image(PodcastImage image, Element parent) {
        if (image == null) {
            return;
        }
        Element tag = tag("image").setAttribute("href", image.href());
        attribute(tag, "alt", image.alt());
        attribute(tag, "type", image.type());
        tag.setAttribute("purpose", "artwork");
        parent.addContent(tag);
    }

    private void item(PodcastItem i, Element item) {
        for (PodcastItem.Transcript t : i.transcripts()) {
            Element transcript = tag("transcript").setAttribute("url", t.url()).setAttribute("type", t.type());
            attribute(transcript, "language", t.language());
            attribute(transcript, "rel", t.rel());
            item.addContent(transcript);
        }
        if (i.chaptersUrl() != null) {
            item.addContent(tag("chapters")
                    .setAttribute("url", i.chaptersUrl())
                    .setAttribute("type", "application/json+chapters"));
        }
        if (i.season() != null) {
            item.addContent(tag("season").setText(i.season().toString()));
        }
        if (i.episode() != null) {
            item.addContent(tag("episode").setText(i.episode().toString()));
        }
        for (Soundbite s : i.soundbites()) {
            item.addContent(tag("soundbite")
                    .setAttribute("startTime", seconds(s.startMillis()))
                    .setAttribute("duration", seconds(s.durationMillis()))
                    .setText(orEmpty(s.title())));
        }
        for (Person p : i.persons()) {
            item.addContent(person(p.name(), p.role(), p.group(), p.img(), p.href()));
        }
        image(i.image(), item);
        socialInteract(i.socialInteract(), item);
    }

    /**
     * podcast:socialInteract: where the comments on the show (channel) or an episode (item) live. "disabled" says
     * the host wants no comments shown, and the namespace allows no other attribute with it.
     */
    private static void socialInteract(FeedExtras.SocialInteract s, Element parent) {
        if (s == null || s.protocol() == null) {
            return;
        }
        Element social = tag("socialInteract").setAttribute("protocol", s.protocol());
        if (!s.disabled()) {
            if (s.uri() == null || s.uri().isBlank()) {
                return;
            }
            social.setAttribute("uri", s.uri());
            attribute(social, "accountId", s.accountId());
            attribute(social, "accountUrl", s.accountUrl());
        }
        parent.addContent(social);
    }

    private static Element person(String name, String role, String group, String img, String href) {
        Element person = tag("person").setText(name);
        attribute(person, "role", role);
        attribute(person, "group", group);
        attribute(person, "img", img);
        attribute(person, "href", href);
        return person;
    }

    private static String seconds(long millis) {
        return Seconds.fromMillis(millis).toPlainString();
    }

    private static Element tag(String name) {
        return new Element(name, NAMESPACE);
    }

    private static void text(Element parent, String name, String value) {
        if (value != null && !value.isBlank()) {
            parent.addContent(tag(name).setText(value));
        }
    }

    private static void attribute(Element element, String name, String value) {
        if (value != null && !value.isBlank()) {
            element.setAttribute(name, value);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
