package org.castkeeper.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.castkeeper.testing.Eventually.assertThatEventually;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.castkeeper.catalogue.Chapter;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.EpisodeState;
import org.castkeeper.catalogue.EpisodeType;
import org.castkeeper.catalogue.Person;
import org.castkeeper.catalogue.Soundbite;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** /feed.xml over real HTTP, parsed back tag by tag. */
class FeedIT {
    static final String FULL_CONFIG = """
              copyright: © 2026 Dominion
              complete: true
              block: true
              medium: podcast
              funding:
                - url: https://example.org/support
                  text: Support the show
              persons:
                - name: Dominion
                  role: host
                  img: https://example.org/dominion.jpg
              location:
                name: London, UK
                geo: geo:51.5074,-0.1278
              license:
                name: cc-by-4.0
              txt:
                - purpose: applepodcastsverify
                  value: 9d1b2c3e-aaaa-bbbb-cccc-1234567890ab
              updateFrequency:
                text: Weekly
                rrule: FREQ=WEEKLY
              spotify:
                limit: 10
                countryOfOrigin: gb us
            """;

    @TempDir
    Path dir;

    TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Document feed() throws Exception {
        HttpResponse<byte[]> response = server.get("/feed.xml");
        assertThat(response.statusCode()).isEqualTo(200);
        return parse(response.body());
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static XPath xpath() {
        XPath x = XPathFactory.newInstance().newXPath();
        x.setNamespaceContext(new javax.xml.namespace.NamespaceContext() {
            public String getNamespaceURI(String prefix) {
                return switch (prefix) {
                    case "itunes" -> "http://www.itunes.com/dtds/podcast-1.0.dtd";
                    case "podcast" -> "https://podcastindex.org/namespace/1.0";
                    case "atom" -> "http://www.w3.org/2005/Atom";
                    case "content" -> "http://purl.org/rss/1.0/modules/content/";
                    case "spotify" -> "http://www.spotify.com/ns/rss";
                    case "googleplay" -> "http://www.google.com/schemas/play-podcasts/1.0";
                    default -> null;
                };
            }

            public String getPrefix(String uri) {
                return null;
            }

            public java.util.Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        return x;
    }

    static String text(Document d, String expression) throws Exception {
        return xpath().evaluate(expression, d);
    }

    static int count(Document d, String expression) throws Exception {
        return ((NodeList) xpath().evaluate(expression, d, XPathConstants.NODESET)).getLength();
    }

    @Test
    void channelCarriesEveryTagDirectoriesRead() throws Exception {
        server = TestServer.start(dir, FULL_CONFIG.replace("  copyright: © 2026 Dominion\n", ""));
        Document d = feed();
        assertThat(text(d, "/rss/@version")).isEqualTo("2.0");
        assertThat(text(d, "/rss/channel/title")).isEqualTo("Weekly insight with Dominion");
        assertThat(text(d, "/rss/channel/link")).isEqualTo("http://localhost:8080/");
        assertThat(text(d, "/rss/channel/description")).startsWith("Weekly insight on mental health");
        assertThat(text(d, "/rss/channel/language")).isEqualTo("en");
        assertThat(text(d, "/rss/channel/atom:link[@rel='self']/@href")).isEqualTo("http://localhost:8080/feed.xml");
        assertThat(text(d, "/rss/channel/atom:link[@rel='self']/@type")).isEqualTo("application/rss+xml");
        assertThat(text(d, "/rss/channel/itunes:author")).isEqualTo("Dominion");
        assertThat(text(d, "/rss/channel/itunes:owner/itunes:name")).isEqualTo("Dominion");
        assertThat(text(d, "/rss/channel/itunes:owner/itunes:email")).isEqualTo("dominion@example.com");
        assertThat(text(d, "/rss/channel/itunes:image/@href"))
                .matches("http://localhost:8080/artwork/show-[0-9a-f]{10}\\.jpg");
        assertThat(text(d, "/rss/channel/itunes:category/@text")).isEqualTo("Health & Fitness");
        assertThat(text(d, "/rss/channel/itunes:category/itunes:category/@text"))
                .isEqualTo("Mental Health");
        assertThat(text(d, "/rss/channel/itunes:explicit")).isEqualTo("false");
        assertThat(text(d, "/rss/channel/itunes:type")).isEqualTo("episodic");
        assertThat(text(d, "/rss/channel/itunes:block")).isEqualTo("Yes");
        assertThat(text(d, "/rss/channel/itunes:complete")).isEqualTo("Yes");
        assertThat(text(d, "/rss/channel/googleplay:block")).isEqualTo("yes");
        assertThat(count(d, "/rss/channel/itunes:keywords")).isZero();

        assertThat(text(d, "/rss/channel/podcast:guid"))
                .isEqualTo(org.castkeeper.feed.podcast.PodcastGuid.forFeedUrl("http://localhost:8080/feed.xml")
                        .toString());
        assertThat(text(d, "/rss/channel/podcast:locked")).isEqualTo("yes");
        assertThat(text(d, "/rss/channel/podcast:locked/@owner")).isEqualTo("dominion@example.com");
        assertThat(text(d, "/rss/channel/podcast:funding/@url")).isEqualTo("https://example.org/support");
        assertThat(text(d, "/rss/channel/podcast:funding")).isEqualTo("Support the show");
        assertThat(text(d, "/rss/channel/podcast:person")).isEqualTo("Dominion");
        assertThat(text(d, "/rss/channel/podcast:person/@role")).isEqualTo("host");
        assertThat(text(d, "/rss/channel/podcast:location")).isEqualTo("London, UK");
        assertThat(text(d, "/rss/channel/podcast:location/@geo")).isEqualTo("geo:51.5074,-0.1278");
        assertThat(text(d, "/rss/channel/podcast:medium")).isEqualTo("podcast");
        assertThat(text(d, "/rss/channel/podcast:license")).isEqualTo("cc-by-4.0");
        assertThat(text(d, "/rss/channel/podcast:txt/@purpose")).isEqualTo("applepodcastsverify");
        assertThat(text(d, "/rss/channel/podcast:txt")).isEqualTo("9d1b2c3e-aaaa-bbbb-cccc-1234567890ab");
        assertThat(text(d, "/rss/channel/podcast:updateFrequency")).isEqualTo("Weekly");
        assertThat(text(d, "/rss/channel/podcast:updateFrequency/@rrule")).isEqualTo("FREQ=WEEKLY");
        assertThat(text(d, "/rss/channel/spotify:limit/@recentCount")).isEqualTo("10");
        assertThat(text(d, "/rss/channel/spotify:countryOfOrigin")).isEqualTo("gb us");
    }

    @Test
    void blockingOneDirectoryWritesOnlyItsTag() throws Exception {
        server = TestServer.start(dir, "  blockFrom: [apple]\n");
        Document d = feed();
        assertThat(text(d, "/rss/channel/itunes:block")).isEqualTo("Yes");
        assertThat(count(d, "/rss/channel/googleplay:block")).isZero();
    }

    @Test
    void aMovedFeedRedirectsPermanently() throws Exception {
        server = TestServer.start(dir, "  newFeedUrl: https://new.example.org/feed.xml\n");
        HttpResponse<byte[]> r = server.get("/feed.xml");
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("Location")).hasValue("https://new.example.org/feed.xml");
        assertThat(server.head("/feed.xml").statusCode()).isEqualTo(301);
    }

    @Test
    void optionalTagsAppearOnlyWhenConfigured() throws Exception {
        server = TestServer.start(dir, "");
        Document d = feed();
        for (String tag : List.of(
                "itunes:new-feed-url",
                "itunes:block",
                "itunes:complete",
                "googleplay:block",
                "podcast:funding",
                "podcast:person",
                "podcast:location",
                "podcast:medium",
                "podcast:license",
                "podcast:txt",
                "podcast:updateFrequency",
                "spotify:limit",
                "spotify:countryOfOrigin")) {
            assertThat(count(d, "/rss/channel/" + tag)).as(tag).isZero();
        }
        assertThat(count(d, "/rss/channel/podcast:guid")).isEqualTo(1);
        assertThat(count(d, "/rss/channel/podcast:locked")).isEqualTo(1);
        assertThat(count(d, "/rss/channel/item")).isZero();
    }

    @Test
    void itemsCarryEveryTagAndComeNewestFirst() throws Exception {
        server = TestServer.start(dir, "");
        Episode older = server.publish("cbr-id3v23.mp3", "Older episode", TestServer.START.minus(Duration.ofDays(7)));
        Episode e = server.publish("chapters.mp3", "Sleep & stress", TestServer.START.minus(Duration.ofHours(1)));
        server.app()
                .episodes()
                .update(e.edit()
                        .description("<p>Why sleep <b>matters</b>.</p><script>x()</script>")
                        .season(2)
                        .episodeNumber(5)
                        .type(EpisodeType.BONUS)
                        .explicit(true)
                        .artworkPath("artwork/ep5.jpg")
                        .transcript("transcripts/ep5.vtt", "text/vtt")
                        .soundbites(List.of(new Soundbite(73_500, 30_000, "The one habit")))
                        .persons(List.of(new Person("Ada Obi", "guest", null, null, "https://example.org/ada")))
                        .build());
        server.publish("untagged.mp3", "A draft", null);

        Document d = feed();
        assertThat(count(d, "/rss/channel/item")).isEqualTo(2);
        String item = "/rss/channel/item[1]/";
        assertThat(text(d, item + "title")).isEqualTo("Sleep & stress");
        assertThat(text(d, item + "link")).isEqualTo("http://localhost:8080/episodes/sleep-stress");
        assertThat(text(d, item + "description")).isEqualTo("<p>Why sleep <b>matters</b>.</p>");
        assertThat(text(d, item + "content:encoded")).isEqualTo("<p>Why sleep <b>matters</b>.</p>");
        assertThat(text(d, item + "guid")).isEqualTo(e.guid());
        assertThat(text(d, item + "guid/@isPermaLink")).isEqualTo("false");
        assertThat(text(d, item + "pubDate")).isEqualTo("Mon, 23 Nov 2026 08:00:00 GMT");
        assertThat(text(d, item + "enclosure/@url"))
                .isEqualTo("http://localhost:8080/media/" + e.audio().path());
        assertThat(text(d, item + "enclosure/@length"))
                .isEqualTo(Long.toString(e.audio().sizeBytes()));
        assertThat(text(d, item + "enclosure/@type")).isEqualTo("audio/mpeg");
        assertThat(text(d, item + "itunes:duration")).isEqualTo("3");
        assertThat(text(d, item + "itunes:episodeType")).isEqualTo("bonus");
        assertThat(text(d, item + "itunes:season")).isEqualTo("2");
        assertThat(text(d, item + "itunes:episode")).isEqualTo("5");
        assertThat(text(d, item + "itunes:explicit")).isEqualTo("true");
        assertThat(text(d, item + "itunes:image/@href")).isEqualTo("http://localhost:8080/media/artwork/ep5.jpg");
        assertThat(text(d, item + "podcast:transcript/@url"))
                .isEqualTo("http://localhost:8080/media/transcripts/ep5.vtt");
        assertThat(text(d, item + "podcast:transcript/@type")).isEqualTo("text/vtt");
        assertThat(text(d, item + "podcast:transcript/@rel")).isEqualTo("captions");
        assertThat(text(d, item + "podcast:chapters/@url"))
                .isEqualTo("http://localhost:8080/episodes/sleep-stress/chapters.json");
        assertThat(text(d, item + "podcast:chapters/@type")).isEqualTo("application/json+chapters");
        assertThat(text(d, item + "podcast:season")).isEqualTo("2");
        assertThat(text(d, item + "podcast:episode")).isEqualTo("5");
        assertThat(text(d, item + "podcast:soundbite/@startTime")).isEqualTo("73.5");
        assertThat(text(d, item + "podcast:soundbite/@duration")).isEqualTo("30");
        assertThat(text(d, item + "podcast:soundbite")).isEqualTo("The one habit");
        assertThat(text(d, item + "podcast:person")).isEqualTo("Ada Obi");
        assertThat(text(d, item + "podcast:person/@role")).isEqualTo("guest");

        String second = "/rss/channel/item[2]/";
        assertThat(text(d, second + "guid")).isEqualTo(older.guid());
        assertThat(text(d, second + "itunes:explicit"))
                .as("inherits the show's value")
                .isEqualTo("false");
        assertThat(count(d, second + "podcast:chapters")).isZero();
        assertThat(text(d, "/rss/channel/pubDate")).isEqualTo("Mon, 23 Nov 2026 08:00:00 GMT");
    }

    @Test
    void romeReadsTheFeedBack() throws Exception {
        server = TestServer.start(dir, FULL_CONFIG);
        server.publish("cbr-id3v23.mp3", "One", TestServer.START.minus(Duration.ofDays(1)));
        SyndFeed parsed = new SyndFeedInput()
                .build(new StringReader(new String(server.get("/feed.xml").body(), StandardCharsets.UTF_8)));
        assertThat(parsed.getTitle()).isEqualTo("Weekly insight with Dominion");
        assertThat(parsed.getEntries()).singleElement().satisfies(entry -> {
            assertThat(entry.getTitle()).isEqualTo("One");
            assertThat(entry.getEnclosures())
                    .singleElement()
                    .satisfies(enc -> assertThat(enc.getType()).isEqualTo("audio/mpeg"));
        });
        var itunes = (com.rometools.modules.itunes.FeedInformation)
                parsed.getModule(com.rometools.modules.itunes.AbstractITunesObject.URI);
        assertThat(itunes.getOwnerEmailAddress()).isEqualTo("dominion@example.com");
        assertThat(itunes.getCategories()).extracting(c -> c.getName()).containsExactly("Health & Fitness");
    }

    @Test
    void aScheduledEpisodeAppearsWhenItsTimeComesWithoutARestart() throws Exception {
        server = TestServer.start(dir, "");
        Episode e = server.publish("cbr-id3v23.mp3", "Next week", null);
        server.app().episodes().update(e.withState(EpisodeState.SCHEDULED, TestServer.START.plus(Duration.ofHours(2))));
        HttpResponse<byte[]> before = server.get("/feed.xml");
        assertThat(count(parse(before.body()), "/rss/channel/item")).isZero();

        server.clock().advance(Duration.ofHours(2));
        // The first poll after the time asks for a rebuild and gets the feed as it was; it never waits.
        assertThatEventually(() -> assertThat(
                        count(parse(server.get("/feed.xml").body()), "/rss/channel/item"))
                .isEqualTo(1));
        HttpResponse<byte[]> after = server.get("/feed.xml");
        assertThat(after.headers().firstValue("ETag"))
                .isNotEqualTo(before.headers().firstValue("ETag"));
        assertThat(HttpDate.of(after)).isAfter(HttpDate.of(before));
    }

    @Test
    void xmlHostileTextStillGivesAWellFormedFeed() throws Exception {
        server = TestServer.start(dir, "");
        Episode e = server.publish("cbr-id3v23.mp3", "Hostile", TestServer.START.minus(Duration.ofHours(1)));
        // (A lone surrogate cannot even be stored: the database driver makes it "?". XmlTextTest covers it.)
        String hostile = "Q&A: <b>bold</b> ]]> \"quotes\" 'apostrophes' \u0001\u0008\u000B\u001F \uFFFE 🎙️ 心";
        server.app()
                .episodes()
                .update(e.edit()
                        .title(hostile)
                        .description("<p>" + hostile + "</p><![CDATA[ x ]]>")
                        .chapters(List.of(new Chapter(0, null, hostile, null)))
                        .build());
        byte[] xml = server.get("/feed.xml").body();
        Document d = parse(xml); // throws if the feed is not well-formed XML 1.0
        assertThat(text(d, "/rss/channel/item/title"))
                .isEqualTo("Q&A: <b>bold</b> ]]> \"quotes\" 'apostrophes'   🎙️ 心");
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("Q&amp;A: &lt;b&gt;bold&lt;/b&gt; ]]&gt;");
        assertThat(text(d, "/rss/channel/item/description"))
                .doesNotContain("\u0001")
                .contains("Q&amp;A");
    }

    @Test
    void chaptersJsonForThePodcastChaptersTag() throws Exception {
        server = TestServer.start(dir, "");
        server.publish("chapters.mp3", "With chapters", TestServer.START.minus(Duration.ofHours(1)));
        HttpResponse<byte[]> response = server.get("/episodes/with-chapters/chapters.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json+chapters; charset=utf-8");
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"version\":\"1.2.0\",\"chapters\":["
                        + "{\"startTime\":0,\"endTime\":1,\"title\":\"Welcome\"},"
                        + "{\"startTime\":1,\"endTime\":2,\"title\":\"Sleep & stress\"},"
                        + "{\"startTime\":2,\"endTime\":3,\"title\":\"What to try this week\"}]}");
        assertThat(server.get("/episodes/nope/chapters.json").statusCode()).isEqualTo(404);
    }

    /** Last-Modified of a response. */
    record HttpDate(Instant value) {
        static Instant of(HttpResponse<?> r) {
            return org.castkeeper.http.HttpCaching.parseHttpDate(
                    r.headers().firstValue("Last-Modified").orElseThrow());
        }
    }

    static byte[] gunzip(byte[] bytes) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
