package org.castkeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.testing.AdminClient;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue's file or disk goes away under a running server: /health says so at once, a save is refused in
 * plain words (503, 507) instead of acknowledged and lost, the feed and media keep answering, and everything
 * works again once the file or the space is back.
 */
class CatalogueAwayIT {
    @TempDir
    Path dir;

    TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aDatabaseFileMovedOrReplacedUnderTheServerRefusesSavesAndHealth() throws Exception {
        server = TestServer.start(dir.resolve("show"), "");
        AdminClient host = new AdminClient(server).signedIn();
        Episode draft = server.publish("untagged.mp3", "Draft", null);
        Path db = server.dir().resolve("data/castkeeper.db");
        assertThat(server.get("/health").statusCode()).isEqualTo(200);

        Path away = server.dir().resolve("moved.db");
        Files.move(db, away);
        HttpResponse<byte[]> health = server.get("/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(new String(health.body())).contains("is gone");
        HttpResponse<String> save = host.postForm("/admin/episodes/" + draft.id(), Map.of("title", "Lost?"));
        assertThat(save.statusCode()).isEqualTo(503);
        assertThat(save.body()).contains("Nothing can be saved");
        assertThat(server.get("/feed.xml").statusCode()).isEqualTo(200);

        // Nothing made a new, empty catalogue at the path meanwhile (the pool opens files, never makes them).
        assertThat(db).doesNotExist();
        // Back in place: the same file, and saves are taken again.
        Files.move(away, db);
        assertThat(server.get("/health").statusCode()).isEqualTo(200);
        assertThat(host.postForm("/admin/episodes/" + draft.id(), Map.of("title", "Kept"))
                        .statusCode())
                .isEqualTo(303);

        // Replaced by another file (a restore done behind the server's back): refused until a restart.
        Path copy = server.dir().resolve("copy.db");
        Files.copy(db, copy);
        Files.move(copy, db, StandardCopyOption.REPLACE_EXISTING);
        assertThat(new String(server.get("/health").body())).contains("was replaced");
        assertThat(host.postForm("/admin/episodes/" + draft.id(), Map.of("title", "Where?"))
                        .statusCode())
                .isEqualTo(503);
    }

    @Test
    void aFullDiskRefusesEverySaveWith507InPlainWordsAndRecovers() throws Exception {
        Path show = Files.createDirectories(dir.resolve("show"));
        // A real full disk: the whole show folder on a 24 MiB tmpfs. Mounting needs root, as CI has.
        Assumptions.assumeTrue(
                run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", show.toString()) == 0,
                "mounting a small tmpfs needs root");
        try {
            server = TestServer.start(show, "");
            AdminClient host = new AdminClient(server).signedIn();
            Episode draft = server.publish("untagged.mp3", "Draft", null);
            Path filler = show.resolve("filler.bin");
            fill(filler);

            HttpResponse<String> save = host.postForm(
                    "/admin/episodes/" + draft.id(),
                    Map.of("title", "A long title".repeat(15), "notes", "x".repeat(60_000)));
            assertThat(save.statusCode()).as(save.body()).isEqualTo(507);
            assertThat(save.body()).contains("disk is full").contains("nothing was saved");
            HttpResponse<String> artwork = host.postFile(
                    "/admin/episodes/" + draft.id() + "/artwork",
                    "artwork",
                    "art.jpg",
                    "image/jpeg",
                    Files.readAllBytes(Path.of("episodes/artwork/show.jpg")));
            assertThat(artwork.statusCode()).as(artwork.body()).isEqualTo(507);
            assertThat(artwork.body()).contains("disk is full");
            HttpResponse<String> transcript = host.postFile(
                    "/admin/episodes/" + draft.id() + "/transcript",
                    "transcript",
                    "episode.vtt",
                    "text/vtt",
                    "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(transcript.statusCode()).as(transcript.body()).isEqualTo(507);
            HttpResponse<String> listing = host.postForm(
                    "/admin/distribution/listings",
                    Map.of("listing-apple", "https://podcasts.apple.com/us/podcast/weekly-insight/id1234567890"));
            assertThat(listing.statusCode()).as(listing.body()).isEqualTo(507);
            assertThat(server.app()
                            .episodes()
                            .findById(draft.id())
                            .orElseThrow()
                            .title())
                    .isEqualTo("Draft");
            assertThat(server.get("/feed.xml").statusCode()).isEqualTo(200);

            Files.delete(filler);
            assertThat(host.postForm("/admin/episodes/" + draft.id(), Map.of("title", "Saved"))
                            .statusCode())
                    .isEqualTo(303);
        } finally {
            if (server != null) {
                server.close();
                server = null;
            }
            run("umount", show.toString());
        }
    }

    /** Writes until the disk is full, leaving only a few KiB. */
    private static void fill(Path filler) throws Exception {
        byte[] block = new byte[64 * 1024];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (java.io.IOException full) {
            // The disk is full now.
        }
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }
}
