package org.castkeeper.feed.podcast;

import com.rometools.rome.feed.module.Module;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.castkeeper.catalogue.Person;
import org.castkeeper.catalogue.Soundbite;
import org.castkeeper.config.FeedExtras;
import org.castkeeper.feed.rome.NamespaceParser;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Reads the Podcasting 2.0 tags {@link PodcastGenerator} writes, from the channel or an item, into the same beans.
 * Feeds made before the namespace moved to podcastindex.org use its GitHub URI; both are read.
 */
public final class PodcastParser extends NamespaceParser {
    /** The namespace's first URI, still in many feeds. */
    public static final String OLD_URI = "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md";

    public PodcastParser() {
        super(PodcastGenerator.NAMESPACE, Namespace.getNamespace(PodcastModule.PREFIX, OLD_URI));
    }

    @Override
    public Module parse(Element element, Locale locale) {
        return isItem(element) ? PodcastModule.of(item(element)) : PodcastModule.of(channel(element));
    }

    private PodcastChannel channel(Element c) {
        Element locked = child(c, "locked");
        List<FeedExtras.Funding> funding = new ArrayList<>();
        for (Element f : children(c, "funding")) {
            if (attribute(f, "url") != null) {
                funding.add(new FeedExtras.Funding(attribute(f, "url"), f.getTextTrim()));
            }
        }
        List<FeedExtras.Person> persons = new ArrayList<>();
        for (Element p : children(c, "person")) {
            if (!p.getTextTrim().isEmpty()) {
                persons.add(new FeedExtras.Person(
                        p.getTextTrim(),
                        attribute(p, "role"),
                        attribute(p, "group"),
                        attribute(p, "img"),
                        attribute(p, "href")));
            }
        }
        Element location = child(c, "location");
        Element license = child(c, "license");
        List<FeedExtras.Txt> txt = new ArrayList<>();
        for (Element t : children(c, "txt")) {
            txt.add(new FeedExtras.Txt(attribute(t, "purpose"), t.getTextTrim()));
        }
        Element frequency = child(c, "updateFrequency");
        List<FeedExtras.RemoteItem> podroll = new ArrayList<>();
        Element roll = child(c, "podroll");
        if (roll != null) {
            for (Element r : children(roll, "remoteItem")) {
                if (attribute(r, "feedGuid") != null) {
                    podroll.add(new FeedExtras.RemoteItem(attribute(r, "feedGuid"), attribute(r, "feedUrl")));
                }
            }
        }
        return new PodcastChannel(
                text(c, "guid"),
                locked != null && Boolean.TRUE.equals(yesNo(locked.getTextTrim())),
                locked == null ? null : attribute(locked, "owner"),
                funding,
                persons,
                location == null
                        ? null
                        : new FeedExtras.Location(
                                location.getTextTrim(), attribute(location, "geo"), attribute(location, "osm")),
                text(c, "medium"),
                license == null ? null : new FeedExtras.License(license.getTextTrim(), attribute(license, "url")),
                txt,
                frequency == null
                        ? null
                        : new FeedExtras.UpdateFrequency(
                                frequency.getTextTrim(),
                                attribute(frequency, "rrule"),
                                "true".equalsIgnoreCase(attribute(frequency, "complete")) ? Boolean.TRUE : null,
                                attribute(frequency, "dtstart")),
                image(c),
                podroll,
                value(child(c, "value")),
                socialInteract(child(c, "socialInteract")));
    }

    private PodcastItem item(Element i) {
        List<PodcastItem.Transcript> transcripts = new ArrayList<>();
        for (Element t : children(i, "transcript")) {
            if (attribute(t, "url") != null) {
                transcripts.add(new PodcastItem.Transcript(
                        attribute(t, "url"), attribute(t, "type"), attribute(t, "language"), attribute(t, "rel")));
            }
        }
        Element chapters = child(i, "chapters");
        List<Soundbite> soundbites = new ArrayList<>();
        for (Element s : children(i, "soundbite")) {
            Long start = secondsAsMillis(attribute(s, "startTime"));
            Long duration = secondsAsMillis(attribute(s, "duration"));
            if (start != null && duration != null) {
                soundbites.add(new Soundbite(start, duration, blankToNull(s.getTextTrim())));
            }
        }
        List<Person> persons = new ArrayList<>();
        for (Element p : children(i, "person")) {
            if (!p.getTextTrim().isEmpty()) {
                persons.add(new Person(
                        p.getTextTrim(),
                        attribute(p, "role"),
                        attribute(p, "group"),
                        attribute(p, "img"),
                        attribute(p, "href")));
            }
        }
        return new PodcastItem(
                transcripts,
                chapters == null ? null : attribute(chapters, "url"),
                wholeNumber(text(i, "season")),
                wholeNumber(text(i, "episode")),
                soundbites,
                persons,
                image(i),
                socialInteract(child(i, "socialInteract")));
    }

    /** The artwork podcast:image (purpose "artwork", or none given). */
    private PodcastImage image(Element parent) {
        for (Element image : children(parent, "image")) {
            String purpose = attribute(image, "purpose");
            if (attribute(image, "href") != null
                    && (purpose == null || List.of(purpose.split("\\s+")).contains("artwork"))) {
                return new PodcastImage(attribute(image, "href"), attribute(image, "alt"), attribute(image, "type"));
            }
        }
        return null;
    }

    private FeedExtras.Value value(Element v) {
        if (v == null) {
            return null;
        }
        List<FeedExtras.ValueRecipient> recipients = new ArrayList<>();
        for (Element r : children(v, "valueRecipient")) {
            recipients.add(new FeedExtras.ValueRecipient(
                    attribute(r, "name"),
                    attribute(r, "type"),
                    attribute(r, "address"),
                    wholeNumber(attribute(r, "split")),
                    attribute(r, "customKey"),
                    attribute(r, "customValue")));
        }
        return new FeedExtras.Value(
                attribute(v, "type"), attribute(v, "method"), attribute(v, "suggested"), recipients);
    }

    private static FeedExtras.SocialInteract socialInteract(Element s) {
        if (s == null || attribute(s, "protocol") == null) {
            return null;
        }
        return new FeedExtras.SocialInteract(
                attribute(s, "protocol"), attribute(s, "uri"), attribute(s, "accountId"), attribute(s, "accountUrl"));
    }
}
