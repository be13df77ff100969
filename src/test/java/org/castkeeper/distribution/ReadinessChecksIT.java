package org.castkeeper.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.cli.Main;
import org.castkeeper.distribution.Check.Status;
import org.castkeeper.testing.AdminClient;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness per directory, from the real feed, artwork and HTTP requests to the running server's media. */
class ReadinessChecksIT {
    static final String READY = "publicUrl: https://podcast.weeklyinsight.example.net";

    @TempDir
    Path dir;

    TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private TestServer ready() throws Exception {
        return TestServer.startEditing(
                dir,
                yaml -> yaml.replace("publicUrl: http://localhost:8080", READY)
                        .replace("email: dominion@example.com", "email: dominion@weeklyinsight.example.net"));
    }

    private static Check find(ReadinessChecks.Report report, Directory directory, String name) {
        return report.checks().get(directory).stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private String self() {
        return server.url("").replaceAll("/+$", "");
    }

    @Test
    void aReadyShowPassesEveryDirectory() throws Exception {
        server = ready();
        server.publish("cbr-id3v23.mp3", "One", TestServer.START.minus(Duration.ofDays(1)));
        server.publish("vbr-xing.mp3", "Two", TestServer.START.minus(Duration.ofHours(1)));
        ReadinessChecks.Report report = server.app().readiness().run(self());
        for (Directory d : Directory.values()) {
            assertThat(report.checks().get(d))
                    .as(d.title())
                    .allSatisfy(c -> assertThat(c.status())
                            .as(d + " " + c.name() + ": " + c.message())
                            .isEqualTo(Status.PASS));
        }
        assertThat(report.anyFailing()).isFalse();
        assertThat(find(report, Directory.APPLE, "Media").message())
                .isEqualTo("2 enclosures answer HEAD with the right length and type.");
    }

    @Test
    void theSampleSettingsAreNotReadyAndSayWhy() throws Exception {
        server = TestServer.start(dir, "");
        ReadinessChecks.Report report = server.app().readiness().run(self());
        assertThat(report.anyFailing()).isTrue();
        assertThat(find(report, Directory.APPLE, "Episodes").status()).isEqualTo(Status.FAIL);
        assertThat(find(report, Directory.APPLE, "Public address").status()).isEqualTo(Status.FAIL);
        assertThat(find(report, Directory.APPLE, "HTTPS").status()).isEqualTo(Status.WARN);
        Check spotifyEmail = find(report, Directory.SPOTIFY, "Owner email");
        assertThat(spotifyEmail.status()).isEqualTo(Status.FAIL);
        assertThat(spotifyEmail.message()).contains("dominion@example.com is a placeholder");
        assertThat(spotifyEmail.fix()).isEqualTo("Set the owner email to an address you read.");
        assertThat(spotifyEmail.setting()).isEqualTo("owner.email");
        assertThat(find(report, Directory.APPLE, "Owner email").status()).isEqualTo(Status.WARN);
        assertThat(find(report, Directory.YOUTUBE, "Owner email").status()).isEqualTo(Status.FAIL);
    }

    @Test
    void missingMediaIsCaughtByRealRequests() throws Exception {
        server = ready();
        Episode gone = server.publish("cbr-id3v23.mp3", "Gone", TestServer.START.minus(Duration.ofDays(1)));
        Files.delete(
                server.app().folder().orElseThrow().root().resolve(gone.audio().path()));
        ReadinessChecks.Report report = server.app().readiness().run(self());
        Check media = find(report, Directory.APPLE, "Media");
        assertThat(media.status()).isEqualTo(Status.FAIL);
        assertThat(media.message()).isEqualTo("1 of 1 enclosures fail: \"Gone\" answers HEAD with 404.");
    }

    @Test
    void artworkWhoseNameLiesAboutItsTypeFails() throws Exception {
        server = TestServer.startEditing(dir, yaml -> {
            // The show's JPEG artwork, saved under a .png name.
            try {
                Files.copy(dir.resolve("episodes/artwork/show.jpg"), dir.resolve("episodes/artwork/show.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return yaml.replace("artwork: episodes/artwork/show.jpg", "artwork: episodes/artwork/show.png")
                    .replace("publicUrl: http://localhost:8080", READY);
        });
        ReadinessChecks.Report report = server.app().readiness().run(self());
        Check artwork = find(report, Directory.APPLE, "Artwork");
        assertThat(artwork.status()).isEqualTo(Status.FAIL);
        assertThat(artwork.message()).isEqualTo("The artwork is a JPG image named show.png.");
    }

    @Test
    void theCheckCommandExitsNonZeroWhenADirectoryWouldRefuseTheShow() throws Exception {
        server = ready();
        var one = server.publish("cbr-id3v23.mp3", "One", TestServer.START.minus(Duration.ofDays(1)));
        StringWriter out = new StringWriter();
        int ok = Main.run(
                new PrintWriter(out),
                new PrintWriter(new StringWriter()),
                "check",
                "--config",
                server.app().config().source().toString(),
                "--media-url",
                self());
        assertThat(ok).as(out.toString()).isZero();
        assertThat(out.toString())
                .contains("Apple Podcasts: 0 failing, 0 warnings")
                .contains("Spotify: 0 failing, 0 warnings")
                .contains("YouTube Music: 0 failing, 0 warnings");

        Files.delete(
                server.app().folder().orElseThrow().root().resolve(one.audio().path()));
        StringWriter again = new StringWriter();
        int failing = Main.run(
                new PrintWriter(again),
                new PrintWriter(new StringWriter()),
                "check",
                "--config",
                server.app().config().source().toString(),
                "--media-url",
                self());
        assertThat(failing).isEqualTo(1);
        assertThat(again.toString()).contains("FAIL Media").contains("fix: Make sure every episode's audio file");
    }

    @Test
    void theDistributionPageShowsTheChecksAndSavesListingUrls() throws Exception {
        // Plain http here: with an https public URL the cookies are Secure and this http test client could not
        // send them back. The only difference in the checks is an HTTPS warning.
        server = TestServer.startEditing(
                dir,
                yaml -> yaml.replace(
                                "publicUrl: http://localhost:8080",
                                "publicUrl: http://podcast.weeklyinsight.example.net")
                        .replace("email: dominion@example.com", "email: dominion@weeklyinsight.example.net"));
        server.publish("cbr-id3v23.mp3", "One", TestServer.START.minus(Duration.ofDays(1)));
        AdminClient host = new AdminClient(server).signedIn();
        String page = host.get("/admin/distribution").body();
        assertThat(page)
                .contains("<strong class=\"notice\">Ready</strong>, with 1 thing to look at.")
                .contains("server.publicUrl is http://podcast.weeklyinsight.example.net.")
                .contains("https://podcastsconnect.apple.com/")
                .contains("value=\"http://podcast.weeklyinsight.example.net/feed.xml\"");

        var bad = host.postForm("/admin/distribution/listings", Map.of("listing-apple", "https://example.org/show"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body())
                .contains("Apple Podcasts: paste the address of the show's page there, which starts with "
                        + "https://podcasts.apple.com/");
        assertThat(server.app().listings().all()).isEmpty();

        // A YouTube address in the Spotify box beside a good Apple one: nothing is saved, every box keeps what
        // was typed, and the problem is by its box.
        var half = host.postForm(
                "/admin/distribution/listings",
                Map.of(
                        "listing-apple", "https://podcasts.apple.com/gb/podcast/weekly-insight/id1234567890",
                        "listing-spotify", "https://music.youtube.com/playlist?list=PL123",
                        "listing-youtube", ""));
        assertThat(half.statusCode()).isEqualTo(422);
        assertThat(half.body())
                .contains("value=\"https://music.youtube.com/playlist?list=PL123\"")
                .contains("value=\"https://podcasts.apple.com/gb/podcast/weekly-insight/id1234567890\"")
                .contains("id=\"listing-spotify-problem\">Spotify: paste the address")
                .contains("<a href=\"#listing-spotify\">");
        assertThat(server.app().listings().all()).isEmpty();

        var good = host.postForm(
                "/admin/distribution/listings",
                Map.of(
                        "listing-apple", "https://podcasts.apple.com/gb/podcast/weekly-insight/id1234567890",
                        "listing-spotify", "https://open.spotify.com/show/4rOoJ6Egrf8K2IrywzwOMk",
                        "listing-youtube", ""));
        assertThat(good.statusCode()).isEqualTo(303);
        assertThat(good.headers().firstValue("Location").orElseThrow()).contains("saved=listings");
        assertThat(server.app().listings().all()).containsOnlyKeys(Directory.APPLE, Directory.SPOTIFY);
        assertThat(host.get("/admin/distribution?saved=listings").body())
                .contains("id1234567890")
                .contains("Listings saved.")
                .contains("Submit for Review")
                .contains("mails an 8-digit code to the owner email");
    }

    @Test
    void repeatedGuidsFail() throws Exception {
        FeedFacts facts = new FeedFacts(
                100,
                "https://x",
                "a",
                "en",
                "d",
                "false",
                "a@b.c",
                List.of("Arts"),
                List.of(
                        new FeedFacts.Item("A", "same", "u", 1, "audio/mpeg", false, false, List.of()),
                        new FeedFacts.Item("B", "same", "u2", 1, "audio/mpeg", false, false, List.of())));
        java.lang.reflect.Method guids = ReadinessChecks.class.getDeclaredMethod("guids", FeedFacts.class);
        guids.setAccessible(true);
        Check check = (Check) guids.invoke(null, facts);
        assertThat(check.status()).isEqualTo(Status.FAIL);
        assertThat(check.message()).isEqualTo("\"B\" has a missing or repeated guid.");
    }

    @Test
    void titlesChaptersAndTranscriptsAreCheckedAsEachDirectoryReadsThem() throws Exception {
        server = ready();
        var angled = server.publish("chapters.mp3", "Sleep <3 stress", TestServer.START.minus(Duration.ofDays(1)));
        var srt = server.publish("vbr-xing.mp3", "Subtitled", TestServer.START.minus(Duration.ofHours(1)));
        server.app()
                .episodes()
                .update(srt.edit()
                        .transcript(srt.audio().path(), "application/x-subrip")
                        .build());
        ReadinessChecks.Report report = server.app().readiness().run(self());

        Check titles = find(report, Directory.YOUTUBE, "Titles");
        assertThat(titles.status()).isEqualTo(Status.FAIL);
        assertThat(titles.message()).contains("\"Sleep <3 stress\"");
        Check chapters = find(report, Directory.SPOTIFY, "Chapters");
        assertThat(chapters.status()).isEqualTo(Status.PASS);
        assertThat(chapters.message()).contains("1 episodes have chapters, written as psc:chapters");
        Check transcripts = find(report, Directory.APPLE, "Transcripts");
        assertThat(transcripts.status()).isEqualTo(Status.WARN);
        assertThat(transcripts.message()).contains("\"Subtitled\"");
        assertThat(angled.chapters()).isNotEmpty();
    }

    @Test
    void aHiddenOwnerEmailLeavesTheFeedAndTheChecksSayWhenThatIsSafe() throws Exception {
        server = TestServer.startEditing(
                dir,
                yaml -> yaml.replace("publicUrl: http://localhost:8080", READY)
                        .replace(
                                "email: dominion@example.com",
                                "email: dominion@weeklyinsight.example.net\n    hideEmail: true"));
        server.publish("cbr-id3v23.mp3", "One", TestServer.START.minus(Duration.ofDays(1)));
        String feed = new String(server.get("/feed.xml").body(), java.nio.charset.StandardCharsets.UTF_8);
        // itunes:owner goes whole (without its email it is invalid); podcast:locked still names the owner.
        assertThat(feed)
                .doesNotContain("<itunes:owner>")
                .doesNotContain("<itunes:email>")
                .contains("<podcast:locked owner=\"dominion@weeklyinsight.example.net\">yes</podcast:locked>");

        ReadinessChecks.Report report = server.app().readiness().run(self());
        assertThat(find(report, Directory.APPLE, "Owner email").status()).isEqualTo(Status.PASS);
        Check spotify = find(report, Directory.SPOTIFY, "Owner email");
        assertThat(spotify.status()).isEqualTo(Status.WARN);
        assertThat(spotify.message()).contains("no Spotify listing is saved yet");

        server.app().listings().save(Directory.SPOTIFY, "https://open.spotify.com/show/4rOoJ6Egrf8K2IrywzwOMk");
        report = server.app().readiness().run(self());
        assertThat(find(report, Directory.SPOTIFY, "Owner email").status()).isEqualTo(Status.PASS);
        assertThat(find(report, Directory.YOUTUBE, "Owner email").status()).isEqualTo(Status.WARN);
    }
}
