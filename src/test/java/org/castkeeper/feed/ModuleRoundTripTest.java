package org.castkeeper.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.modules.itunes.EntryInformationImpl;
import com.rometools.modules.itunes.FeedInformationImpl;
import com.rometools.modules.itunes.types.Category;
import com.rometools.modules.itunes.types.Duration;
import com.rometools.modules.itunes.types.Subcategory;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.io.ModuleGenerator;
import com.rometools.rome.io.ModuleParser;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import org.castkeeper.catalogue.Person;
import org.castkeeper.catalogue.Soundbite;
import org.castkeeper.config.FeedExtras;
import org.castkeeper.feed.googleplay.GooglePlayGenerator;
import org.castkeeper.feed.googleplay.GooglePlayModule;
import org.castkeeper.feed.googleplay.GooglePlayParser;
import org.castkeeper.feed.itunes.ItunesGenerator;
import org.castkeeper.feed.itunes.ItunesParser;
import org.castkeeper.feed.podcast.PodcastChannel;
import org.castkeeper.feed.podcast.PodcastGenerator;
import org.castkeeper.feed.podcast.PodcastImage;
import org.castkeeper.feed.podcast.PodcastItem;
import org.castkeeper.feed.podcast.PodcastModule;
import org.castkeeper.feed.podcast.PodcastParser;
import org.castkeeper.feed.psc.PodloveChaptersGenerator;
import org.castkeeper.feed.psc.PodloveChaptersModule;
import org.castkeeper.feed.psc.PodloveChaptersParser;
import org.castkeeper.feed.spotify.SpotifyGenerator;
import org.castkeeper.feed.spotify.SpotifyModule;
import org.castkeeper.feed.spotify.SpotifyParser;
import org.jdom2.Element;
import org.jdom2.input.SAXBuilder;
import org.junit.jupiter.api.Test;

/**
 * Every namespace Castkeeper writes, it reads back: generate, parse, the same bean (as Rome's own modules are
 * tested). import-feed reads other hosts' feeds with these parsers.
 */
class ModuleRoundTripTest {
    @Test
    void podcastChannel() {
        PodcastChannel channel = new PodcastChannel(
                "917393e3-1b1e-5cef-ace4-edaa54e1f810",
                true,
                "host@example.org",
                List.of(new FeedExtras.Funding("https://example.org/support", "Support the show")),
                List.of(new FeedExtras.Person("Dominion", "host", "cast", "https://example.org/d.jpg", null)),
                new FeedExtras.Location("Lagos", "geo:6.45,3.39", null),
                "podcast",
                new FeedExtras.License("cc-by-4.0", "https://creativecommons.org/licenses/by/4.0/"),
                List.of(new FeedExtras.Txt("ai-content", "false")),
                new FeedExtras.UpdateFrequency("Weekly", "FREQ=WEEKLY", Boolean.TRUE, "2026-01-05"),
                new PodcastImage("https://example.org/cover.jpg", "Weekly insight", "image/jpeg"),
                List.of(new FeedExtras.RemoteItem("a5ad6e3e-1f9c-5f9b-9a8e-0a9d1c3f2b11", null)),
                new FeedExtras.Value(
                        "lightning",
                        "keysend",
                        "0.00000005000",
                        List.of(new FeedExtras.ValueRecipient("Host", "node", "02abc", 100, null, null))),
                new FeedExtras.SocialInteract("activitypub", "https://social.example.org/@d/1", "@d", null));

        Module parsed = roundTrip(
                new PodcastGenerator(), new PodcastParser(), PodcastModule.of(channel), new Element("channel"));

        assertThat(((PodcastModule) parsed).data()).isEqualTo(channel);
    }

    @Test
    void podcastItem() {
        PodcastItem item = new PodcastItem(
                List.of(
                        new PodcastItem.Transcript("https://example.org/t.vtt", "text/vtt", "en", "captions"),
                        new PodcastItem.Transcript("https://example.org/t.html", "text/html", "en", null)),
                "https://example.org/chapters.json",
                2,
                14,
                List.of(new Soundbite(73_500, 60_000, "The best minute")),
                List.of(new Person("Ada", "guest", "cast", null, "https://example.org/ada")),
                new PodcastImage("https://example.org/ep.png", "Episode 14", "image/png"),
                new FeedExtras.SocialInteract("activitypub", "https://social.example.org/@d/14", "@d", null));

        Module parsed =
                roundTrip(new PodcastGenerator(), new PodcastParser(), PodcastModule.of(item), new Element("item"));

        assertThat(((PodcastModule) parsed).data()).isEqualTo(item);
    }

    @Test
    void podcastTagsInTheNamespacesFirstUriAreRead() throws Exception {
        Element item = parseXml("<item xmlns:podcast='" + PodcastParser.OLD_URI + "'>"
                + "<podcast:transcript url='https://example.org/t.srt' type='application/srt'/>"
                + "<podcast:season>3</podcast:season></item>");

        PodcastItem read = (PodcastItem) ((PodcastModule) new PodcastParser().parse(item, Locale.ROOT)).data();

        assertThat(read.season()).isEqualTo(3);
        assertThat(read.transcripts()).extracting(PodcastItem.Transcript::type).containsExactly("application/srt");
    }

    @Test
    void itunesChannel() {
        FeedInformationImpl info = new FeedInformationImpl();
        info.setAuthor("Dominion");
        info.setOwnerName("Dominion");
        info.setOwnerEmailAddress("host@example.org");
        info.setImageUri("https://example.org/cover.jpg");
        Category health = new Category("Health & Fitness");
        health.setSubcategory(new Subcategory("Mental Health"));
        info.setCategories(List.of(health, new Category("Religion & Spirituality")));
        info.setExplicitNullable(Boolean.FALSE);
        info.setType("episodic");
        info.setNewFeedUrl("https://new.example.org/feed.xml");
        info.setBlock(true);
        info.setComplete(true);

        Module parsed = roundTrip(new ItunesGenerator(), new ItunesParser(), info, new Element("channel"));

        assertThat(parsed).usingRecursiveComparison().isEqualTo(info);
    }

    @Test
    void itunesItem() {
        EntryInformationImpl info = new EntryInformationImpl();
        info.setTitle("Sleep and stress");
        info.setAuthor("Dominion");
        info.setDuration(new Duration(3_723_000));
        info.setImageUri("https://example.org/ep.jpg");
        info.setExplicitNullable(Boolean.TRUE);
        info.setEpisodeType("bonus");
        info.setSeason(2);
        info.setEpisode(14);

        Module parsed = roundTrip(new ItunesGenerator(), new ItunesParser(), info, new Element("item"));

        assertThat(parsed).usingRecursiveComparison().isEqualTo(info);
    }

    @Test
    void itunesValuesAreReadAsOtherHostsWriteThem() {
        assertThat(ItunesParser.explicit("Yes")).isTrue();
        assertThat(ItunesParser.explicit("CLEAN")).isFalse();
        assertThat(ItunesParser.explicit("false")).isFalse();
        assertThat(ItunesParser.explicit("maybe")).isNull();
        assertThat(ItunesParser.durationMillis("3723")).isEqualTo(3_723_000L);
        assertThat(ItunesParser.durationMillis("62:03")).isEqualTo(3_723_000L);
        assertThat(ItunesParser.durationMillis("1:02:03")).isEqualTo(3_723_000L);
        assertThat(ItunesParser.durationMillis("01:02:03.250")).isEqualTo(3_723_250L);
        assertThat(ItunesParser.durationMillis("12.5")).isEqualTo(12_500L);
        assertThat(ItunesParser.durationMillis("1:2:3:4")).isNull();
        assertThat(ItunesParser.durationMillis("soon")).isNull();
    }

    @Test
    void podloveChapters() {
        PodloveChaptersModule chapters = new PodloveChaptersModule(List.of(
                new PodloveChaptersModule.Chapter(0, "Welcome", null, null),
                new PodloveChaptersModule.Chapter(
                        3_723_500, "Breathing", "https://example.org/breathe", "https://example.org/b.jpg")));

        Module parsed =
                roundTrip(new PodloveChaptersGenerator(), new PodloveChaptersParser(), chapters, new Element("item"));

        assertThat(((PodloveChaptersModule) parsed).chapters()).isEqualTo(chapters.chapters());
    }

    @Test
    void spotify() {
        SpotifyModule spotify = new SpotifyModule(10, "ng gb");

        Module parsed = roundTrip(new SpotifyGenerator(), new SpotifyParser(), spotify, new Element("channel"));

        assertThat(parsed).usingRecursiveComparison().isEqualTo(spotify);
    }

    @Test
    void googlePlay() {
        Module parsed = roundTrip(
                new GooglePlayGenerator(), new GooglePlayParser(), new GooglePlayModule(true), new Element("channel"));

        assertThat(((GooglePlayModule) parsed).block()).isTrue();
    }

    /** Generates {@code module} into {@code parent}, writes and reads it as XML text, and parses it back. */
    private static Module roundTrip(ModuleGenerator generator, ModuleParser parser, Module module, Element parent) {
        generator.generate(module, parent);
        for (var namespace : generator.getNamespaces()) {
            parent.addNamespaceDeclaration(namespace);
        }
        String xml = new org.jdom2.output.XMLOutputter().outputString(parent);
        try {
            return parser.parse(parseXml(xml), Locale.ROOT);
        } catch (Exception e) {
            throw new AssertionError(xml, e);
        }
    }

    private static Element parseXml(String xml) throws Exception {
        return new SAXBuilder().build(new StringReader(xml)).getRootElement();
    }
}
