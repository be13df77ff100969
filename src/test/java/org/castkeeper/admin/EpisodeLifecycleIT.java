package org.castkeeper.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.EpisodeState;
import org.castkeeper.importing.ImportResult;
import org.castkeeper.testing.AdminClient;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editor's one form and the episode lifecycle behind it: typed details are saved with every state change or
 * kept on the page, dangerous changes ask first, and a deleted episode is gone for good.
 */
class EpisodeLifecycleIT {
    @TempDir
    Path dir;

    TestServer server;
    AdminClient host;
    Episode episode;
    String page;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir, "");
        host = new AdminClient(server).signedIn();
        episode = server.publish("chapters.mp3", "Morning routine", null);
        page = "/admin/episodes/" + episode.id();
        host.get(page);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Episode reload() {
        return server.app().episodes().findById(episode.id()).orElseThrow();
    }

    private String feed() throws Exception {
        return new String(server.get("/feed.xml").body(), StandardCharsets.UTF_8);
    }

    /** The editor form as the page sends it, with {@code action} pressed. */
    private Map<String, String> form(String title, String action) {
        Map<String, String> form = new HashMap<>();
        form.put("title", title);
        form.put("notes", "Notes");
        form.put("season", "");
        form.put("number", "");
        form.put("type", "full");
        form.put("explicit", "");
        form.put("chapters", "0:00 Welcome");
        form.put("soundbites", "");
        form.put("date", "2026-11-30");
        form.put("time", "07:00");
        form.put("action", action);
        return form;
    }

    @Test
    void publishingWithUnsavedEditsPublishesTheNewTitle() throws Exception {
        HttpResponse<String> r = host.postForm(page, form("Morning routine, week 1", "publish"));

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(reload().state()).isEqualTo(EpisodeState.PUBLISHED);
        assertThat(feed()).contains("<title>Morning routine, week 1</title>");
    }

    @Test
    void anInvalidChapterKeepsEverythingTypedAndSavesNothing() throws Exception {
        Map<String, String> form = form("A title I typed", "publish");
        form.put("notes", "Notes I typed");
        form.put("chapters", "0:00 Welcome\n9:00 After the end of the audio");

        HttpResponse<String> r = host.postForm(page, form);

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body())
                .contains("value=\"A title I typed\"")
                .contains(">Notes I typed</textarea>")
                .contains("after the end of the audio")
                .contains("id=\"chapters\" name=\"chapters\" rows=\"5\" aria-describedby=\"chapters-problem\""
                        + " aria-invalid=\"true\"")
                .contains("Nothing was saved yet: one thing needs fixing. Everything you typed is still in the form.");
        assertThat(reload().title()).isEqualTo("Morning routine");
        assertThat(reload().state()).isEqualTo(EpisodeState.DRAFT);
    }

    @Test
    void schedulingALiveEpisodeAsksFirstAndSaysItLeavesTheFeed() throws Exception {
        host.postForm(page, form("Morning routine", "publish"));
        Map<String, String> schedule = form("Morning routine, moved", "schedule");

        HttpResponse<String> asked = host.postForm(page, schedule);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body())
                .contains("Please confirm")
                .contains("takes it out of the feed until")
                .contains("value=\"Morning routine, moved\"");
        assertThat(reload().state()).isEqualTo(EpisodeState.PUBLISHED);
        assertThat(feed()).contains(episode.guid());

        schedule.put("confirm", "schedule");
        assertThat(host.postForm(page, schedule).statusCode()).isEqualTo(303);
        assertThat(reload().state()).isEqualTo(EpisodeState.SCHEDULED);
        assertThat(reload().title()).isEqualTo("Morning routine, moved");
        assertThat(feed()).doesNotContain(episode.guid());
    }

    @Test
    void unpublishAsksFirstAndAConfirmationCountsOnlyForItsOwnAction() throws Exception {
        host.postForm(page, form("Morning routine", "publish"));
        Map<String, String> unpublish = form("Morning routine", "unpublish");
        HttpResponse<String> asked = host.postForm(page, unpublish);
        assertThat(asked.body()).contains("Unpublishing takes the episode out of the feed");
        assertThat(reload().state()).isEqualTo(EpisodeState.PUBLISHED);

        unpublish.put("confirm", "schedule");
        assertThat(host.postForm(page, unpublish).statusCode())
                .as("confirmed for another action")
                .isEqualTo(200);
        unpublish.put("confirm", "unpublish");
        assertThat(host.postForm(page, unpublish).statusCode()).isEqualTo(303);
        assertThat(reload().state()).isEqualTo(EpisodeState.UNPUBLISHED);
    }

    @Test
    void publishingAgainOffersTheFirstDateOrNow() throws Exception {
        host.postForm(page, form("Morning routine", "publish"));
        Instant first = reload().publishAt();
        Map<String, String> unpublish = form("Morning routine", "unpublish");
        unpublish.put("confirm", "unpublish");
        host.postForm(page, unpublish);
        server.clock().advance(Duration.ofDays(3));

        assertThat(host.get(page).body())
                .contains("In its old place, with its first publish date")
                .contains("As a new episode, dated now");
        Map<String, String> asNew = form("Morning routine", "publish");
        asNew.put("republish", "new");
        host.postForm(page, asNew);

        assertThat(reload().publishAt()).isEqualTo(server.clock().instant()).isAfter(first);
    }

    @Test
    void theHostsTextIsCleanedAndCheckedOnTheServer() throws Exception {
        host.postForm(page, form("\u202Eevil\u202C \u0007 title\u0000", "save"));
        assertThat(reload().title()).isEqualTo("evil title");

        HttpResponse<String> tooLong = host.postForm(page, form("x".repeat(3000), "save"));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("That title is 3000 characters long");

        HttpResponse<String> invisible = host.postForm(page, form("\u202E\u0007\u202C", "save"));
        assertThat(invisible.body()).contains("no visible characters left");

        Map<String, String> season = form("Fine", "save");
        season.put("season", "0");
        assertThat(host.postForm(page, season).body()).contains("Season must be a whole number from 1");

        Map<String, String> farAway = form("Fine", "schedule");
        farAway.put("date", "2040-01-01");
        assertThat(host.postForm(page, farAway).body()).contains("more than ten years away");
        assertThat(reload().title()).isEqualTo("evil title");
        assertThat(feed()).doesNotContain("\u202E");
    }

    @Test
    void aDraftIsDeletedAtOnceAndItsAudioDoesNotComeBackFromTheDropFolder() throws Exception {
        HttpResponse<String> r = host.postForm(page + "/delete", Map.of());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/admin?done=deleted");
        assertThat(server.app().episodes().findById(episode.id())).isEmpty();
        assertThat(host.get(page).statusCode()).isEqualTo(404);
        assertThat(host.get(page).body()).contains("There is no such episode");

        // The MP3 is still in the drop folder: the importer must not bring the deleted episode back.
        Path dropped = server.app().config().episodesDir().resolve("Morning-routine.mp3");
        ImportResult again = server.app().importer().importFile(dropped, false, n -> {});
        assertThat(again.episode()).isNull();
    }

    @Test
    void aPublishedEpisodeIsDeletedOnlyAfterAConfirmationAndThenIsGoneForGood() throws Exception {
        host.postForm(page, form("Morning routine", "publish"));
        Episode live = reload();
        String audio = "/media/" + live.audio().path();
        assertThat(server.get(audio).statusCode()).isEqualTo(200);

        HttpResponse<String> asked = host.postForm(page + "/delete", Map.of());
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body())
                .contains("Apps that downloaded it keep their copy")
                .contains("never used again")
                .contains("There is no undo");
        assertThat(reload().state()).isEqualTo(EpisodeState.PUBLISHED);

        assertThat(host.postForm(page + "/delete", Map.of("confirm", "delete")).statusCode())
                .isEqualTo(303);

        assertThat(feed()).doesNotContain(live.guid());
        assertThat(server.get(audio).statusCode()).isEqualTo(410);
        assertThat(server.get("/episodes/morning-routine").statusCode()).isEqualTo(410);
        assertThat(server.get("/episodes/morning-routine/chapters.json").statusCode())
                .isEqualTo(410);
        assertThat(server.app().episodes().tombstones().guidDeleted(live.guid()))
                .isTrue();

        // The same audio uploaded again (a host's deliberate choice) is a new episode with a guid of its own,
        // and the page says which episode had the audio, and when it was deleted.
        Path original = server.app().config().episodesDir().resolve("Morning-routine.mp3");
        HttpResponse<String> uploaded = host.putFile("/admin/upload?name=again.mp3", original);
        assertThat(uploaded.statusCode()).isEqualTo(201);
        assertThat(uploaded.body())
                .contains("This audio was in episode " + live.id())
                .contains("Morning routine")
                .contains("deleted on "
                        + java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH)
                                .withZone(java.time.ZoneId.of("Europe/London"))
                                .format(server.clock().instant()));
        Episode back =
                server.app().episodes().findBySha256(live.audio().sha256()).orElseThrow();
        assertThat(back.guid()).isNotEqualTo(live.guid());
        assertThat(back.id()).isNotEqualTo(live.id());
        // A gone URL stays gone: the new episode gets neither the deleted one's page nor its file name.
        assertThat(back.slug()).isNotEqualTo(live.slug());
        assertThat(back.audio().path()).isNotEqualTo(live.audio().path());
        host.postForm("/admin/episodes/" + back.id(), form(back.title(), "publish"));
        assertThat(server.get(audio).statusCode()).isEqualTo(410);
        assertThat(server.get("/episodes/morning-routine").statusCode()).isEqualTo(410);
        assertThat(server.get("/media/" + back.audio().path()).statusCode()).isEqualTo(200);
    }

    @Test
    void aMistypedAdminAddressGetsTheAdminsOwnPage() throws Exception {
        HttpResponse<String> r = host.get("/admin/nowhere");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("<h1>Not found</h1>").contains("Back to the episodes");
    }
}
