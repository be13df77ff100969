package org.castkeeper.admin.episodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.castkeeper.testing.Eventually.assertThatEventually;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.castkeeper.catalogue.Chapter;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.EpisodeState;
import org.castkeeper.catalogue.EpisodeType;
import org.castkeeper.testing.AdminClient;
import org.castkeeper.testing.Fixtures;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The episode editor over HTTP, and what each change does to the feed. */
class EpisodeEditIT {
    @TempDir
    Path dir;

    TestServer server;
    AdminClient host;
    Episode draft;
    String page;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir, "");
        host = new AdminClient(server).signedIn();
        draft = server.publish("chapters.mp3", "Draft", null);
        page = "/admin/episodes/" + draft.id();
        assertThat(host.get(page).statusCode()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Episode reload() {
        return server.app().episodes().findById(draft.id()).orElseThrow();
    }

    private String feed() throws Exception {
        return new String(server.get("/feed.xml").body(), StandardCharsets.UTF_8);
    }

    private Map<String, String> details(String title) {
        Map<String, String> form = new HashMap<>();
        form.put("title", title);
        form.put("notes", "Why **sleep** matters.\n\n- one\n- two\n\n<script>alert(1)</script>");
        form.put("season", "2");
        form.put("number", "7");
        form.put("type", "bonus");
        form.put("explicit", "true");
        form.put("chapters", "0:00 Welcome\n1:30 The research\n1:02:03 Goodbye");
        return form;
    }

    /** The fixture is 3 s long; these tests type chapters and soundbites up to an hour in. */
    private void makeTheAudioTwoHoursLong() {
        var a = draft.audio();
        server.app()
                .episodes()
                .update(draft.edit()
                        .audio(new org.castkeeper.catalogue.EpisodeAudio(
                                a.path(),
                                a.sizeBytes(),
                                a.mimeType(),
                                a.sha256(),
                                7200,
                                a.bitrateKbps(),
                                a.variableBitrate(),
                                a.sampleRate(),
                                a.channels()))
                        .build());
    }

    @Test
    void savingDetailsStoresThemAndSanitisesTheNotes() throws Exception {
        makeTheAudioTwoHoursLong();
        Map<String, String> form = details("Sleep & stress");
        form.put("soundbites", "1:00 0:30 The one habit\n1:02:00 1:00");
        HttpResponse<String> r = host.postForm(page, form);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue(page + "?done=saved");
        Episode e = reload();
        assertThat(e.title()).isEqualTo("Sleep & stress");
        assertThat(e.guid()).isEqualTo(draft.guid());
        assertThat(e.notesMarkdown()).startsWith("Why **sleep** matters.");
        assertThat(e.description())
                .contains("<strong>sleep</strong>")
                .contains("<li>one</li>")
                .doesNotContain("<script>");
        assertThat(e.season()).isEqualTo(2);
        assertThat(e.episodeNumber()).isEqualTo(7);
        assertThat(e.type()).isEqualTo(EpisodeType.BONUS);
        assertThat(e.explicit()).isTrue();
        assertThat(e.chapters())
                .containsExactly(
                        new Chapter(0, null, "Welcome", null),
                        new Chapter(90_000, null, "The research", null),
                        new Chapter(3_723_000, null, "Goodbye", null));
        assertThat(e.soundbites())
                .containsExactly(
                        new org.castkeeper.catalogue.Soundbite(60_000, 30_000, "The one habit"),
                        new org.castkeeper.catalogue.Soundbite(3_720_000, 60_000, null));
        assertThat(host.get(page + "?done=saved").body())
                .contains("Saved. The feed shows the change now.")
                .contains("1:02:03 Goodbye")
                .contains("1:00 0:30 The one habit");
    }

    @Test
    void anEpisodesOwnCommentThreadIsInItsItemOnTheShowsProtocol() throws Exception {
        host.postForm(page + "/publish", Map.of());
        Map<String, String> form = details("Sleep & stress");
        form.put("chapters", "");
        form.put("socialUri", "javascript:alert(1)");
        HttpResponse<String> refused = host.postForm(page, form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Comments post must be the address of the post");

        form.put("socialUri", "https://social.example.org/@dominion/42");
        assertThat(host.postForm(page, form).statusCode()).isEqualTo(303);

        assertThat(reload().socialUri()).isEqualTo("https://social.example.org/@dominion/42");
        // No show-wide thread is set here, so the episode's says ActivityPub, where such posts live.
        assertThat(feed())
                .containsOnlyOnce("<podcast:socialInteract")
                .contains(
                        "<podcast:socialInteract protocol=\"activitypub\" uri=\"https://social.example.org/@dominion/42\" />");
        assertThat(host.get(page).body()).contains("https://social.example.org/@dominion/42");
    }

    @Test
    void chaptersAndSoundbitesMustLieInsideTheAudio() throws Exception {
        Map<String, String> form = details("Changed");
        form.put("chapters", "0:00 Welcome\n0:05 After the end");
        HttpResponse<String> chapter = host.postForm(page, form);
        assertThat(chapter.statusCode()).isEqualTo(422);
        assertThat(chapter.body()).contains("Chapter line 2 starts at 0:05, after the end of the audio (0:03).");
        form = details("Changed");
        form.put("chapters", "0:00 Welcome");
        form.put("soundbites", "0:01 0:05 Too long for this episode");
        HttpResponse<String> soundbite = host.postForm(page, form);
        assertThat(soundbite.statusCode()).isEqualTo(422);
        assertThat(soundbite.body())
                .contains("Soundbite line 1 ends at 0:06, after the end of the audio (0:03).")
                .as("what the host typed is kept")
                .contains("0:01 0:05 Too long for this episode");
        form.put("soundbites", "0:00 0:00 Nothing");
        assertThat(host.postForm(page, form).body()).contains("make it between 0:01 and 5:00");
        assertThat(reload().title()).isEqualTo("Draft");
        assertThat(reload().soundbites()).isEmpty();
    }

    @Test
    void everyProblemIsReportedInOneSaveEachByItsField() throws Exception {
        Map<String, String> form = details("Changed");
        form.put("number", "0");
        form.put("season", "abc");
        form.put("chapters", "0:00 Welcome\n0:05 After the end");
        form.put("soundbites", "0:01 0:05 Too long for this episode");
        HttpResponse<String> r = host.postForm(page, form);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body())
                .contains("4 things need fixing")
                .contains("<a href=\"#season\">Season: Season must be a whole number from 1")
                .contains("<a href=\"#number\">Episode number: Episode number must be a whole number from 1")
                .contains("id=\"chapters-problem\">Chapter line 2 starts at 0:05, after the end of the audio (0:03).")
                .contains("id=\"soundbites-problem\">Soundbite line 1 ends at 0:06")
                .contains("aria-describedby=\"season-problem\"")
                .as("what the host typed is kept")
                .contains("0:01 0:05 Too long for this episode")
                .contains("value=\"abc\"");
        assertThat(reload().title()).isEqualTo("Draft");
    }

    @Test
    void badInputIsExplainedAndNothingIsSaved() throws Exception {
        makeTheAudioTwoHoursLong();
        Map<String, String> form = details("Changed");
        form.put("chapters", "0:00 Welcome\nhalf past one The research");
        HttpResponse<String> r = host.postForm(page, form);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("Chapter line 2 should look like");
        form = details("Changed");
        form.put("season", "two");
        assertThat(host.postForm(page, form).body()).contains("Season must be a whole number from 1");
        form = details("   ");
        assertThat(host.postForm(page, form).body()).contains("An episode needs a title.");
        assertThat(reload().title()).isEqualTo("Draft");
    }

    @Test
    void publishScheduleAndUnpublishShowInTheFeedAtOnce() throws Exception {
        assertThat(feed()).doesNotContain(draft.guid());
        assertThat(host.postForm(page + "/publish", Map.of()).statusCode()).isEqualTo(303);
        assertThat(reload().state()).isEqualTo(EpisodeState.PUBLISHED);
        assertThat(feed()).contains(draft.guid());
        assertThat(host.get(page).body())
                .contains("id=\"embed-snippet\"")
                .contains("&lt;iframe src=&#34;http://localhost:8080/embed/episodes/" + reload().slug());

        assertThat(host.postForm(page + "/unpublish", Map.of("confirm", "unpublish"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(feed()).doesNotContain(draft.guid());
        // Taken out of the feed: the page says when it first went out, never "goes live" at a time past; and
        // the player for other sites is offered only while the episode is live.
        assertThat(host.get(page).body())
                .contains("first published")
                .doesNotContain("goes live")
                .doesNotContain("embed-snippet");

        // Tomorrow at 07:00 in the show's zone (Europe/London: GMT in November).
        HttpResponse<String> r = host.postForm(page + "/schedule", Map.of("date", "2026-11-24", "time", "07:00"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(reload().state()).isEqualTo(EpisodeState.SCHEDULED);
        assertThat(reload().publishAt()).isEqualTo(Instant.parse("2026-11-24T07:00:00Z"));
        assertThat(feed()).doesNotContain(draft.guid());
        server.clock().set(Instant.parse("2026-11-24T07:00:01Z"));
        assertThatEventually(() -> assertThat(feed()).contains(draft.guid()));

        HttpResponse<String> past = host.postForm(page + "/schedule", Map.of("date", "2020-01-01", "time", "07:00"));
        assertThat(past.statusCode()).isEqualTo(422);
        assertThat(past.body()).contains("That time has passed.");
    }

    @Test
    void artworkMustBeASquareRgbJpegOrPngOf1400To3000Pixels() throws Exception {
        HttpResponse<String> r = host.postFile(
                page + "/artwork",
                "artwork",
                "art.jpg",
                "image/jpeg",
                image(1400, 1400, BufferedImage.TYPE_INT_RGB, "jpg"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String art = reload().artworkPath();
        assertThat(art).matches("artwork/[0-9a-f]{16}\\.jpg");
        host.postForm(page + "/publish", Map.of());
        assertThat(feed()).contains("<itunes:image href=\"http://localhost:8080/media/" + art + "\" />");

        assertThat(host.postFile(
                                page + "/artwork",
                                "artwork",
                                "a.png",
                                "image/png",
                                image(1400, 1000, BufferedImage.TYPE_INT_RGB, "png"))
                        .body())
                .contains("Artwork must be square; this image is 1400 × 1000 px.");
        assertThat(host.postFile(
                                page + "/artwork",
                                "artwork",
                                "a.png",
                                "image/png",
                                image(600, 600, BufferedImage.TYPE_INT_RGB, "png"))
                        .body())
                .contains("Artwork must be between 1400 and 3000 px square; this image is 600 px.");
        assertThat(host.postFile(
                                page + "/artwork",
                                "artwork",
                                "a.png",
                                "image/png",
                                image(1400, 1400, BufferedImage.TYPE_BYTE_GRAY, "png"))
                        .body())
                .contains("Artwork must be in RGB colour");
        assertThat(host.postFile(page + "/artwork", "artwork", "a.gif", "image/gif", "GIF89a not really".getBytes())
                        .body())
                .contains("Artwork must be a JPEG or PNG image.");
        assertThat(reload().artworkPath()).isEqualTo(art);
    }

    @Test
    void aVttTranscriptIsAttachedAndReachesTheFeed() throws Exception {
        String vtt = "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nWelcome to the show.\n";
        assertThat(host.postFile(
                                page + "/transcript",
                                "transcript",
                                "ep.vtt",
                                "text/vtt",
                                vtt.getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(303);
        Episode e = reload();
        assertThat(e.transcripts().get(0).type()).isEqualTo("text/vtt");
        host.postForm(page + "/publish", Map.of());
        assertThat(feed())
                .contains("<podcast:transcript url=\"http://localhost:8080/media/"
                        + e.transcripts().get(0).path() + "\" type=\"text/vtt\"");
        HttpResponse<byte[]> served =
                server.get("/media/" + e.transcripts().get(0).path());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(new String(served.body(), StandardCharsets.UTF_8)).isEqualTo(vtt);
        String srt = "1\n00:00:00,000 --> 00:00:02,000\nWelcome to the show.\n";
        assertThat(host.postFile(
                                page + "/transcript",
                                "transcript",
                                "ep.srt",
                                "application/x-subrip",
                                srt.getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(303);
        assertThat(reload().transcripts().get(0).type()).isEqualTo("application/x-subrip");
        assertThat(feed()).contains("type=\"application/x-subrip\"");
        assertThat(host.postFile(
                                page + "/transcript",
                                "transcript",
                                "notes.txt",
                                "text/plain",
                                "just some words".getBytes())
                        .body())
                .contains("A transcript must be a WebVTT file");
    }

    @Test
    void publishingAgainNeverMovesThePublishDate() throws Exception {
        assertThat(host.postForm(page + "/publish", Map.of()).statusCode()).isEqualTo(303);
        Instant first = reload().publishAt();
        String feedBefore = feed();

        server.clock().advance(Duration.ofHours(3));
        assertThat(host.postForm(page + "/publish", Map.of()).statusCode())
                .as("a second click")
                .isEqualTo(303);
        assertThat(reload().publishAt()).isEqualTo(first);
        assertThat(feed()).isEqualTo(feedBefore);

        assertThat(host.postForm(page + "/unpublish", Map.of("confirm", "unpublish"))
                        .statusCode())
                .isEqualTo(303);
        server.clock().advance(Duration.ofDays(2));
        assertThat(host.postForm(page + "/publish", Map.of()).statusCode())
                .as("back after an unpublish")
                .isEqualTo(303);
        assertThat(reload().state()).isEqualTo(EpisodeState.PUBLISHED);
        assertThat(reload().publishAt()).as("keeps the first publish date").isEqualTo(first);
    }

    @Test
    void theReplacedAudiosUrlRedirectsToTheNewFileWhileItIsKeptThenIsGone() throws Exception {
        host.postForm(page + "/publish", Map.of());
        String oldPath = reload().audio().path();
        assertThat(server.get("/media/" + oldPath).statusCode()).isEqualTo(200);

        HttpResponse<String> r = host.put(page + "/audio", Files.readAllBytes(Fixtures.mp3("vbr-xing.mp3")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String newPath = reload().audio().path();
        assertThat(newPath).isNotEqualTo(oldPath);

        HttpResponse<byte[]> moved = server.get("/media/" + oldPath);
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location")).hasValue("/media/" + newPath);
        assertThat(server.get("/media/" + newPath).statusCode()).isEqualTo(200);
        Path store = server.app().folder().orElseThrow().root();
        Path retired = server.app().config().retiredDir();
        assertThat(store.resolve(oldPath)).as("out of the store").doesNotExist();
        assertThat(retired.resolve(oldPath)).as("kept in data/retired").exists();

        server.clock()
                .advance(Duration.ofDays(server.app().config().storage().retainDays())
                        .plusMinutes(1));
        assertThat(server.get("/media/" + oldPath).statusCode()).isEqualTo(410);
        assertThat(server.app().sweepRetiredMedia().deleted()).isEqualTo(1);
        assertThat(retired.resolve(oldPath)).doesNotExist();
        assertThat(server.get("/media/" + oldPath).statusCode())
                .as("gone for ever")
                .isEqualTo(410);
        assertThat(server.get("/media/" + newPath).statusCode()).isEqualTo(200);
    }

    @Test
    void replacingTheAudioKeepsTheGuid() throws Exception {
        host.postForm(page + "/publish", Map.of());
        HttpResponse<String> r =
                host.put(page + "/audio?name=fixed.mp3", Files.readAllBytes(Fixtures.mp3("vbr-xing.mp3")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Episode e = reload();
        assertThat(e.guid()).isEqualTo(draft.guid());
        assertThat(e.audio().path())
                .isEqualTo(e.slug() + "-" + e.audio().sha256().substring(0, 10) + ".mp3");
        assertThat(e.audio().variableBitrate()).isTrue();
        String feed = feed();
        assertThat(feed)
                .contains(draft.guid())
                .contains("http://localhost:8080/media/" + e.audio().path())
                .contains("length=\"" + e.audio().sizeBytes() + "\"");
        HttpResponse<String> bad =
                host.put(page + "/audio?name=x.mp3", Files.readAllBytes(Fixtures.mp3("reject-wav.mp3")));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(reload().audio()).isEqualTo(e.audio());
    }

    @Test
    void theEpisodeListSearchesAndPages() throws Exception {
        for (int i = 0; i < 55; i++) {
            server.app().episodes().create(org.castkeeper.testing.Episodes.draft("Listed " + i));
        }
        String first = host.get("/admin").body();
        assertThat(first).contains("56 episodes").contains("Page 1 of 2");
        assertThat(first.split("<tr>").length - 2).isEqualTo(EpisodeListController.PAGE_SIZE);
        String search = host.get("/admin?q=listed%2042").body();
        assertThat(search).contains("1 episode").contains("Listed 42").doesNotContain("Listed 41<");
        assertThat(host.get("/admin?q=%3Cscript%3E").body())
                .doesNotContain("<script>")
                .contains("value=\"&lt;script");
    }

    @Test
    void theSettingsPageShowsTheFeedUrlAndWhatToFix() throws Exception {
        host.postForm(page + "/publish", Map.of());
        String settings = host.get("/admin/settings").body();
        assertThat(settings)
                .contains("value=\"http://localhost:8080/feed.xml\"")
                .contains("href=\"/admin/distribution\"")
                .contains("&lt;guid isPermaLink=\"false\"&gt;" + draft.guid());
        // What to fix lives on the distribution page, each fix linked to the setting that makes it.
        String distribution = host.get("/admin/distribution").body();
        assertThat(distribution)
                .contains("server.publicUrl is http://localhost:8080")
                .contains("dominion@example.com is a placeholder")
                .contains("href=\"/admin/settings#ownerEmail\"");
    }

    private static byte[] image(int width, int height, int type, String format) throws Exception {
        BufferedImage image = new BufferedImage(width, height, type);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
