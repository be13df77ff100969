package org.castkeeper.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.castkeeper.testing.Eventually.assertThatEventually;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.castkeeper.testing.AdminClient;
import org.castkeeper.testing.FixtureHost;
import org.castkeeper.testing.Fixtures;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /admin/import: the host pastes the old feed's address, previews, imports, and sees the progress and summary. */
class ImportFeedPageIT {
    @TempDir
    Path dir;

    TestServer server;
    FixtureHost oldHost;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir, "");
        oldHost = new FixtureHost();
        oldHost.file("/a.mp3", Files.readAllBytes(Fixtures.mp3("untagged.mp3")), "audio/mpeg")
                .file(
                        "/feed.xml",
                        ("<?xml version=\"1.0\"?><rss version=\"2.0\""
                                        + " xmlns:podcast=\"https://podcastindex.org/namespace/1.0\"><channel>"
                                        + "<title>Old show</title><podcast:locked>yes</podcast:locked>"
                                        + "<item><title>First &amp; best</title><guid>old-1</guid>"
                                        + "<pubDate>Thu, 14 Mar 2024 09:30:15 GMT</pubDate>"
                                        + "<enclosure url=\"" + oldHost.url("/a.mp3") + "\" length=\"1\""
                                        + " type=\"audio/mpeg\"/></item>"
                                        + "<item><title>No audio</title><guid>old-2</guid></item>"
                                        + "</channel></rss>")
                                .getBytes(StandardCharsets.UTF_8),
                        "application/rss+xml");
    }

    @AfterEach
    void stop() {
        server.close();
        oldHost.close();
    }

    @Test
    void aPreviewChangesNothingAndAnImportShowsItsSummary() throws Exception {
        AdminClient host = new AdminClient(server).signedIn();
        assertThat(host.get("/admin/import").body()).contains("The old feed's address");

        HttpResponse<String> notAnAddress = host.postForm("/admin/import", Map.of("url", "feeds.example.com"));
        assertThat(notAnAddress.statusCode()).isEqualTo(422);
        assertThat(notAnAddress.body()).contains("starts with https://").contains("value=\"feeds.example.com\"");

        // Locked: refused until the host says the show is theirs.
        HttpResponse<String> started =
                host.postForm("/admin/import", Map.of("url", oldHost.url("/feed.xml"), "action", "import"));
        assertThat(started.statusCode()).isEqualTo(303);
        assertThatEventually(() -> assertThat(host.get("/admin/import").body())
                .contains("Nothing was imported")
                .contains("podcast:locked yes"));

        host.postForm(
                "/admin/import", Map.of("url", oldHost.url("/feed.xml"), "action", "preview", "i-own-this-show", "on"));
        assertThatEventually(() -> assertThat(host.get("/admin/import").body())
                .contains("1 episodes would be imported")
                .contains("Nothing was changed"));
        assertThat(server.app().episodes().count()).isZero();

        host.postForm(
                "/admin/import", Map.of("url", oldHost.url("/feed.xml"), "action", "import", "i-own-this-show", "on"));
        assertThatEventually(() -> assertThat(host.get("/admin/import").body())
                .contains("1 imported")
                .contains("1 skipped")
                .contains("No audio")
                .contains("the item has no enclosure"));
        assertThat(server.app().episodes().findByGuid("old-1").orElseThrow().title())
                .isEqualTo("First & best");

        // The cut-over and the move out, step by step, on the distribution page.
        assertThat(host.get("/admin/distribution").body())
                .contains("Moving a show here from another host")
                .contains("check --old-feed OLD_FEED_URL")
                .contains("Moving the show away from Castkeeper")
                .contains("export FOLDER --base URL");
    }
}
