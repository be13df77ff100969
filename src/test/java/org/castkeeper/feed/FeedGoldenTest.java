package org.castkeeper.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.castkeeper.catalogue.ChangeStamp;
import org.castkeeper.catalogue.Chapter;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.EpisodeAudio;
import org.castkeeper.catalogue.EpisodeState;
import org.castkeeper.catalogue.EpisodeType;
import org.castkeeper.catalogue.Person;
import org.castkeeper.catalogue.Publication;
import org.castkeeper.catalogue.Soundbite;
import org.castkeeper.config.AppConfig;
import org.castkeeper.config.ConfigLoader;
import org.castkeeper.media.ShowArtwork;
import org.castkeeper.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * One golden feed per scenario under src/test/resources/feeds. The feed is rebuilt from fixed data and compared
 * with the golden as an XML tree (attribute and namespace-declaration order do not matter), then read back by Rome.
 * A golden changes only through scripts/update-goldens, and its diff is reviewed like code.
 */
class FeedGoldenTest {
    static final boolean UPDATE = Boolean.getBoolean("castkeeper.updateGoldens");
    static final Instant T = Instant.parse("2026-11-16T07:00:00Z");

    @Test
    void minimal() throws Exception {
        check(
                "minimal",
                List.of(episode(1, "Welcome to the show", "<p>What this show is about.</p>", T)
                        .build()));
    }

    @Test
    void full() throws Exception {
        Episode trailer = episode(1, "Trailer", "<p>Coming soon.</p>", T.minusSeconds(14 * 86400))
                .type(EpisodeType.TRAILER)
                .season(1)
                .build();
        Episode full = episode(2, "Sleep & stress", "<p>Why sleep <b>matters</b>.</p><ul><li>One</li></ul>", T)
                .season(1)
                .episodeNumber(1)
                .explicit(false)
                .artworkPath("artwork/0123456789abcdef.jpg")
                .transcript("transcripts/sleep.vtt", "text/vtt")
                .chapters(List.of(
                        new Chapter(0, 60_000L, "Welcome", null),
                        new Chapter(60_000, null, "The research", "https://example.org/study")))
                .soundbites(List.of(new Soundbite(73_500, 30_000, "The one habit")))
                .persons(List.of(new Person(
                        "Ada Obi", "guest", "cast", "https://example.org/ada.jpg", "https://example.org/ada")))
                .build();
        Episode bonus = episode(3, "Bonus: questions", "", T.plusSeconds(86400))
                .type(EpisodeType.BONUS)
                .season(1)
                .build();
        check("full", List.of(bonus, full, trailer));
    }

    @Test
    void verified() throws Exception {
        check(
                "verified",
                List.of(episode(1, "Welcome to the show", "<p>What this show is about.</p>", T)
                        .build()));
    }

    @Test
    void hostile() throws Exception {
        String text = "Q&A <b>bold</b> ]]> \"quoted\" \u0001\u0008\u000B\u001F\uFFFE 🎙️ 心の健康";
        check(
                "hostile",
                List.of(episode(
                                1,
                                text,
                                "<p>" + text + "</p><script>alert(1)</script>"
                                        + "<a href=\"javascript:x()\">link</a> <a href=\"https://example.org/a]]>b\">cdata breaker</a>",
                                T)
                        .chapters(List.of(new Chapter(0, null, text, null)))
                        .build()));
    }

    private void check(String scenario, List<Episode> live) throws Exception {
        Path config = Fixtures.resource("feeds/" + scenario + ".yml");
        AppConfig settings = ConfigLoader.load(config, Map.of());
        FeedUrls urls = new FeedUrls(
                settings.server().baseUrl(),
                ShowArtwork.of(settings.showArtwork()).publicName());
        Publication publication = new Publication(
                settings.show(), live, live.get(0).publishAt(), Instant.ofEpochMilli(Long.MAX_VALUE), ChangeStamp.NONE);
        FeedBuilder builder = new FeedBuilder(urls);
        byte[] xml = new FeedWriter().write(builder.build(publication, FeedPage.of(live, null, 1)));
        // What the server serves is joined from parts (FeedAssembler): the same bytes.
        FeedAssembler assembler = new FeedAssembler(builder, null);
        assertThat(assembler.page(assembler.snapshot(publication, null), 1).xml())
                .isEqualTo(xml);

        Path golden = Path.of("src/test/resources/feeds/" + scenario + ".xml");
        if (UPDATE) {
            Files.write(golden, xml);
        }
        assertThat(golden).as("no golden yet: run scripts/update-goldens").exists();
        Document expected = FeedIT.parse(Files.readAllBytes(golden));
        Document actual = FeedIT.parse(xml);
        expected.normalizeDocument();
        actual.normalizeDocument();
        if (!expected.isEqualNode(actual)) {
            assertThat(new String(xml, StandardCharsets.UTF_8))
                    .as("feed differs from " + golden + " (run scripts/update-goldens and review the diff)")
                    .isEqualTo(Files.readString(golden));
        }
        assertThat(new com.rometools.rome.io.SyndFeedInput()
                        .build(new java.io.StringReader(new String(xml, StandardCharsets.UTF_8)))
                        .getEntries())
                .hasSize(live.size());
    }

    /** An episode with fixed identity and audio, ready for the scenario to adjust. */
    static Episode.Editor episode(int n, String title, String notes, Instant at) {
        String slug = "episode-" + n;
        return new Episode(
                        n,
                        "00000000-0000-4000-8000-00000000000" + n,
                        slug,
                        title,
                        notes,
                        null,
                        EpisodeState.PUBLISHED,
                        at,
                        null,
                        null,
                        EpisodeType.FULL,
                        null,
                        new EpisodeAudio(
                                slug + ".mp3",
                                28_800_000L + n,
                                "audio/mpeg",
                                String.valueOf(n).repeat(64),
                                1800 + n,
                                128,
                                false,
                                44100,
                                2),
                        "Dominion",
                        null,
                        null,
                        List.of(),
                        null,
                        List.of(),
                        List.of(),
                        List.of(),
                        at,
                        at)
                .edit();
    }
}
