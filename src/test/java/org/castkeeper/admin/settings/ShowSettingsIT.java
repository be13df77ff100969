package org.castkeeper.admin.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.castkeeper.config.AppConfig;
import org.castkeeper.config.ConfigLoader;
import org.castkeeper.feed.podcast.PodcastGuid;
import org.castkeeper.testing.AdminClient;
import org.castkeeper.testing.TestServer;
import org.castkeeper.testing.TestShow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The show's settings edited at /admin/settings: stored in the catalogue, in the feed at once, everywhere. */
class ShowSettingsIT {
    @TempDir
    Path dir;

    TestServer server;
    TestServer second;

    @AfterEach
    void stop() {
        if (second != null) {
            second.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** The form as the page fills it now, with the version it was filled from. */
    private Map<String, String> form(TestServer s) {
        var stored = s.app().showSettings().load();
        Map<String, String> form = new LinkedHashMap<>(ShowForm.values(stored.settings()));
        form.put("version", Long.toString(stored.version()));
        return form;
    }

    private String feed(TestServer s) throws Exception {
        return new String(s.get("/feed.xml").body(), StandardCharsets.UTF_8);
    }

    @Test
    void aSavedSettingIsInTheFeedAtOnceAndOnASecondInstanceWithoutARestart() throws Exception {
        server = TestServer.start(dir, "");
        second = TestServer.start(ConfigLoader.load(dir.resolve("feed-config.yml"), Map.of()), dir);
        assertThat(feed(second)).contains("<title>Weekly insight with Dominion</title>");
        AdminClient admin = new AdminClient(server).signedIn();

        Map<String, String> form = form(server);
        form.put("title", "Weekly insight,\u202E season two\u0000");
        form.put("ownerEmail", "dominion@mailbox.org");
        form.put("category2", "Religion & Spirituality › Christianity");
        HttpResponse<String> saved = admin.postForm("/admin/settings", form);

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(feed(server))
                .contains("<title>Weekly insight, season two</title>")
                .contains("<itunes:email>dominion@mailbox.org</itunes:email>")
                .contains("<itunes:category text=\"Christianity\"");
        // The other instance notices the change stamp once its check interval (2 s) has passed on its clock.
        second.clock().advance(java.time.Duration.ofSeconds(3));
        org.castkeeper.testing.Eventually.assertThatEventually(
                () -> assertThat(feed(second)).contains("<title>Weekly insight, season two</title>"));

        String page =
                admin.get(saved.headers().firstValue("Location").orElseThrow()).body();
        assertThat(page)
                .contains("Saved.")
                .contains("Owner email")
                .contains("dominion@mailbox.org")
                .contains("dominion@example.com");
        assertThat(server.app().showSettings().history(10))
                .extracting(c -> c.setting() + "=" + c.newValue() + " by " + c.by())
                .contains(
                        "title=Weekly insight, season two by dominion", "owner.email=dominion@mailbox.org by dominion");
    }

    @Test
    void anInvalidFieldKeepsEverythingTypedAndSavesNothing() throws Exception {
        server = TestServer.start(dir, "");
        AdminClient admin = new AdminClient(server).signedIn();
        Map<String, String> form = form(server);
        form.put("title", "A title I typed");
        form.put("author", "\u202E\u0007");
        form.put("ownerEmail", "not an address");
        form.put("persons", "Dominion | host\n | guest");
        form.put("spotifyLimit", "ten");

        HttpResponse<String> refused = admin.postForm("/admin/settings", form);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("value=\"A title I typed\"")
                .contains("Owner email: 'not an address' is not an email address")
                .contains("Line 2")
                .contains("Give a whole number, such as 10")
                .contains("Author: missing");
        assertThat(feed(server)).contains("<title>Weekly insight with Dominion</title>");
        assertThat(server.app().showSettings().history(10)).isEmpty();
    }

    @Test
    void blockingAndCompletingAskFirst() throws Exception {
        server = TestServer.start(dir, "");
        AdminClient admin = new AdminClient(server).signedIn();
        Map<String, String> form = form(server);
        form.put("blockApple", "on");
        form.put("complete", "on");

        HttpResponse<String> asked = admin.postForm("/admin/settings", form);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body())
                .contains("Please confirm")
                .contains("Block the show from Apple Podcasts")
                .contains("Mark the show complete")
                .contains("name=\"confirm\" value=\"yes\"");
        assertThat(feed(server)).doesNotContain("<itunes:block>").doesNotContain("<itunes:complete>");

        form.put("confirm", "yes");
        assertThat(admin.postForm("/admin/settings", form).statusCode()).isEqualTo(303);
        assertThat(feed(server)).contains("<itunes:block>Yes</itunes:block>").contains("<itunes:complete>Yes");
    }

    @Test
    void movingTheFeedChecksTheNewAddressAnswersWithAFeed() throws Exception {
        server = TestServer.start(dir, "");
        AdminClient admin = new AdminClient(server).signedIn();
        Map<String, String> form = form(server);
        form.put("newFeedUrl", server.url("/no-feed-here.xml"));
        HttpResponse<String> refused = admin.postForm("/admin/settings", form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("answers HTTP 404, not a feed");
        // An address where nothing listens: said in words, never "(null)".
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            form.put("newFeedUrl", "http://127.0.0.1:" + closed.getLocalPort() + "/feed.xml");
        }
        HttpResponse<String> dead = admin.postForm("/admin/settings", form);
        assertThat(dead.statusCode()).isEqualTo(422);
        assertThat(dead.body())
                .contains("cannot be reached (nothing answers there)")
                .doesNotContain("(null)");

        // The new home: another server with the feed (here a second show folder).
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        second = TestServer.start(elsewhere, "");
        form.put("newFeedUrl", second.url("/feed.xml"));
        HttpResponse<String> asked = admin.postForm("/admin/settings", form);
        assertThat(asked.body())
                .contains("Move the feed to " + second.url("/feed.xml"))
                .contains("To undo");
        form.put("confirm", "yes");
        assertThat(admin.postForm("/admin/settings", form).statusCode()).isEqualTo(303);

        HttpResponse<byte[]> moved = server.get("/feed.xml");
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location")).hasValue(second.url("/feed.xml"));
    }

    @Test
    void aSaveFromAnOutdatedPageIsRefusedWithTheTypedValuesKept() throws Exception {
        server = TestServer.start(dir, "");
        AdminClient admin = new AdminClient(server).signedIn();
        Map<String, String> mine = form(server);
        Map<String, String> theirs = form(server);
        theirs.put("author", "Dominion and friends");
        assertThat(admin.postForm("/admin/settings", theirs).statusCode()).isEqualTo(303);

        mine.put("title", "My own new title");
        HttpResponse<String> stale = admin.postForm("/admin/settings", mine);

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("Someone else saved the settings").contains("value=\"My own new title\"");
        assertThat(feed(server))
                .contains("<title>Weekly insight with Dominion</title>")
                .contains("<itunes:author>Dominion and friends</itunes:author>");
    }

    @Test
    void theEnvironmentWinsAndThePageSaysSo() throws Exception {
        Path config = TestShow.create(dir);
        AppConfig pinned = ConfigLoader.load(config, Map.of("CASTKEEPER_SHOW_AUTHOR", "Pinned author"));
        server = TestServer.start(pinned, dir);
        AdminClient admin = new AdminClient(server).signedIn();
        assertThat(feed(server)).contains("<itunes:author>Pinned author</itunes:author>");

        Map<String, String> form = form(server);
        form.put("title", "Changed in the admin");
        assertThat(admin.postForm("/admin/settings", form).statusCode()).isEqualTo(303);

        assertThat(feed(server))
                .contains("<title>Changed in the admin</title>")
                .contains("<itunes:author>Pinned author</itunes:author>");
        assertThat(admin.get("/admin/settings").body())
                .contains("Set by the environment (CASTKEEPER_SHOW_AUTHOR = \"Pinned author\")");
    }

    @Test
    void theFileSeedsTheShowOnceAndLaterEditsToItAreReportedNotApplied() throws Exception {
        server = TestServer.start(dir, "");
        // Made from the local address the show was tried out on, so it follows the address until it is public.
        assertThat(server.app().show().podcastGuid())
                .isEqualTo(
                        PodcastGuid.forFeedUrl("http://localhost:8080/feed.xml").toString());
        server.close();

        // The host edits the file and moves the server to a new address (http here: the test client
        // would not send https-only cookies).
        Path config = dir.resolve("feed-config.yml");
        Files.writeString(
                config,
                Files.readString(config)
                        .replace("title: Weekly insight with Dominion", "title: Edited in the file")
                        .replace("publicUrl: http://localhost:8080", "publicUrl: http://podcast.example.org"));
        server = TestServer.start(ConfigLoader.load(config, Map.of()), dir);

        assertThat(server.app().fileChangesNotApplied()).containsExactly("title");
        assertThat(feed(server))
                .contains("<title>Weekly insight with Dominion</title>")
                .contains("<podcast:guid>" + PodcastGuid.forFeedUrl("http://podcast.example.org/feed.xml")
                        + "</podcast:guid>")
                .contains("http://podcast.example.org/feed.xml");
        AdminClient admin = new AdminClient(server).signedIn();
        assertThat(admin.get("/admin/settings").body())
                .contains("feed-config.yml has changed")
                .contains("show.title");
    }

    @Test
    void newShowArtworkGetsANewUrlInTheFeed() throws Exception {
        server = TestServer.start(dir, "");
        AdminClient admin = new AdminClient(server).signedIn();
        String before = feed(server);
        String oldUrl = before.replaceAll("(?s).*<itunes:image href=\"([^\"]+)\".*", "$1");

        HttpResponse<String> broken = admin.postFile(
                "/admin/settings/artwork",
                "artwork",
                "art.jpg",
                "image/jpeg",
                "not an image".getBytes(StandardCharsets.UTF_8));
        assertThat(broken.statusCode()).isEqualTo(422);

        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(
                new java.awt.image.BufferedImage(1400, 1400, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
        byte[] png = out.toByteArray();
        HttpResponse<String> uploaded =
                admin.postFile("/admin/settings/artwork", "artwork", "art.png", "image/png", png);
        assertThat(uploaded.statusCode()).isEqualTo(303);

        String after = feed(server);
        String newUrl = after.replaceAll("(?s).*<itunes:image href=\"([^\"]+)\".*", "$1");
        assertThat(newUrl).isNotEqualTo(oldUrl).endsWith(".png");
        HttpResponse<byte[]> art = server.get(newUrl.replace("http://localhost:8080", ""));
        assertThat(art.statusCode()).isEqualTo(200);
        assertThat(art.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(art.body()).isEqualTo(png);
    }

    @Test
    void the2026TagsAreSetFromTheSettingsPage() throws Exception {
        server = TestServer.start(dir, "");
        server.publish("chapters.mp3", "Morning routine", TestServer.START.minusSeconds(60));
        AdminClient admin = new AdminClient(server).signedIn();
        Map<String, String> form = form(server);
        form.put("aiContent", "false");
        form.put("podroll", "917393e3-1b1e-5cef-ace4-edaa54e1f810 | https://example.org/feed.xml");
        form.put(
                "valueRecipients",
                "Dominion | node | 03ae9f91a0cb8ff43840e3c322c4c61f019d8c1c3cea15a25cfc425ac605e61a4a | 100");
        form.put("socialProtocol", "activitypub");
        form.put("socialUri", "https://social.example.org/@dominion/1");
        form.put("hideEmail", "on");
        form.put("persons", "Dominion | host");

        assertThat(admin.postForm("/admin/settings", form).statusCode()).isEqualTo(303);

        assertThat(feed(server))
                .contains("<podcast:txt purpose=\"ai-content\">false</podcast:txt>")
                .contains(
                        "<podcast:remoteItem feedGuid=\"917393e3-1b1e-5cef-ace4-edaa54e1f810\" feedUrl=\"https://example.org/feed.xml\"")
                .contains("<podcast:valueRecipient name=\"Dominion\" type=\"node\"")
                .contains(
                        "<podcast:socialInteract protocol=\"activitypub\" uri=\"https://social.example.org/@dominion/1\"")
                // Hidden the valid way: no itunes:owner at all, while podcast:locked still names the owner.
                .doesNotContain("<itunes:owner>")
                .contains("<podcast:locked owner=\"dominion@example.com\">yes</podcast:locked>");
        // The form shows them back as they were typed, so a later save changes nothing else.
        assertThat(ShowForm.values(server.app().showSettings().load().settings()))
                .containsEntry("podroll", "917393e3-1b1e-5cef-ace4-edaa54e1f810 | https://example.org/feed.xml")
                .containsEntry("hideEmail", "on")
                .containsEntry("aiContent", "false")
                .containsEntry("persons", "Dominion | host");

        // Hidden from podcast:locked too only when asked for separately; an ai-content line typed by hand is
        // refused with the choice to use instead.
        Map<String, String> again = form(server);
        again.put("hideLockedEmail", "on");
        again.put("txt", "ai-content | none");
        HttpResponse<String> refused = admin.postForm("/admin/settings", again);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Made with AI");
        again.remove("txt");
        assertThat(admin.postForm("/admin/settings", again).statusCode()).isEqualTo(303);
        assertThat(feed(server))
                .doesNotContain("dominion@example.com")
                .contains("<podcast:locked>yes</podcast:locked>");
    }
}
