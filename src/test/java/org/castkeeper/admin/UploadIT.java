package org.castkeeper.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.castkeeper.testing.Eventually.assertThatEventually;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.EpisodeState;
import org.castkeeper.testing.AdminClient;
import org.castkeeper.testing.Fixtures;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadIT {
    @TempDir
    Path dir;

    TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private AdminClient host(String config) throws Exception {
        server = TestServer.start(dir, config);
        return new AdminClient(server).signedIn();
    }

    private JsonNode json(HttpResponse<String> r) throws Exception {
        return new ObjectMapper().readTree(r.body());
    }

    private long filesInMediaFolder() throws Exception {
        try (Stream<Path> files = Files.walk(server.app().folder().orElseThrow().root())) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().endsWith("show.jpg"))
                    .filter(p -> !p.getFileName().toString().equals(".migrated-from-drop-folder"))
                    .count();
        }
    }

    @Test
    void anUploadedMp3BecomesADraftWithItsMetadata() throws Exception {
        AdminClient host = host("");
        HttpResponse<String> r =
                host.put("/admin/upload?name=My%20Episode.mp3", Files.readAllBytes(Fixtures.mp3("chapters.mp3")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        int id = json(r).get("id").asInt();
        assertThat(json(r).get("edit").asText()).isEqualTo("/admin/episodes/" + id);
        Episode e = server.app().episodes().findById(id).orElseThrow();
        assertThat(e.title()).isEqualTo("Episode with chapters");
        assertThat(e.state()).isEqualTo(EpisodeState.DRAFT);
        assertThat(e.audio().durationSeconds()).isEqualTo(3);
        // Stored under a name of Castkeeper's own: the title's slug and the start of the content hash.
        assertThat(e.audio().path())
                .isEqualTo("episode-with-chapters-" + e.audio().sha256().substring(0, 10) + ".mp3");
        assertThat(e.chapters()).hasSize(3);
        assertThat(server.app().folder().orElseThrow().root().resolve(e.audio().path()))
                .hasSameBinaryContentAs(Fixtures.mp3("chapters.mp3"));
    }

    @Test
    void anUploadedM4aIsStoredServedAndListedAsM4a() throws Exception {
        AdminClient host = host("");
        HttpResponse<String> r = host.put(
                "/admin/upload?name=Morning%20talk.m4a", Files.readAllBytes(Fixtures.resource("m4a/short.m4a")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        Episode e = server.app().episodes().findById(json(r).get("id").asInt()).orElseThrow();
        assertThat(e.title()).isEqualTo("Morning talk");
        assertThat(e.audio().mimeType()).isEqualTo("audio/x-m4a");
        assertThat(e.audio().path()).endsWith(".m4a");
        server.app()
                .lifecycle()
                .publishNow(e, null, org.castkeeper.episodes.EpisodeLifecycle.Republish.AS_NEW_NOW, "test");

        HttpResponse<byte[]> media = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        server.url("/media/" + e.audio().path())))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(media.statusCode()).isEqualTo(200);
        assertThat(media.headers().firstValue("Content-Type")).hasValue("audio/x-m4a");
        assertThat(media.body()).isEqualTo(Files.readAllBytes(Fixtures.resource("m4a/short.m4a")));
        assertThat(new String(server.app().feed().page(1).orElseThrow().xml(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("type=\"audio/x-m4a\"");
    }

    @Test
    void coverArtAndCommentBecomeEpisodeArtAndNotes() throws Exception {
        AdminClient host = host("");
        int withArt = json(host.put("/admin/upload?name=art.mp3", Files.readAllBytes(Fixtures.mp3("cover-art.mp3"))))
                .get("id")
                .asInt();
        assertThat(server.app().episodes().findById(withArt).orElseThrow().artworkPath())
                .startsWith("artwork/");
        int withComment = json(host.put("/admin/upload?name=c.mp3", Files.readAllBytes(Fixtures.mp3("cbr-id3v23.mp3"))))
                .get("id")
                .asInt();
        assertThat(server.app().episodes().findById(withComment).orElseThrow().description())
                .isEqualTo("<p>Three habits for a calmer start.</p>");
    }

    @Test
    void aFileThatIsNotMp3IsRefusedWithAReasonAndLeavesNothing() throws Exception {
        AdminClient host = host("");
        long before = filesInMediaFolder();
        HttpResponse<String> r =
                host.put("/admin/upload?name=interview.mp3", Files.readAllBytes(Fixtures.mp3("reject-wav.mp3")));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).get("error").asText()).startsWith("This is a WAV file");
        assertThat(server.app().episodes().count()).isZero();
        assertThat(filesInMediaFolder()).isEqualTo(before);
        HttpResponse<String> empty = host.put("/admin/upload?name=empty.mp3", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(json(empty).get("error").asText()).startsWith("The file is empty");
        assertThat(host.put("/admin/upload?name=notes.txt", "x".getBytes()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void aFileOverTheLimitIsRefusedWithAClearMessage() throws Exception {
        server = TestServer.startEditing(dir, yaml -> yaml.replace("  port: 0\n", "  port: 0\n  uploadLimitMb: 1\n"));
        AdminClient host = new AdminClient(server).signedIn();
        long before = filesInMediaFolder();
        HttpResponse<String> r = host.put("/admin/upload?name=long.mp3", new byte[2 * 1024 * 1024]);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(json(r).get("error").asText())
                .isEqualTo("This file is bigger than the 1 MB upload limit (server.uploadLimitMb in feed-config.yml).");
        assertThat(filesInMediaFolder()).isEqualTo(before);
        assertThat(server.app().episodes().count()).isZero();
    }

    @Test
    void anAbortedUploadLeavesNoFileAndNoEpisode() throws Exception {
        AdminClient host = host("");
        byte[] mp3 = Files.readAllBytes(Fixtures.mp3("cbr-id3v23.mp3"));
        String cookie = host.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("ck_session"))
                .findFirst()
                .orElseThrow()
                .getValue();
        int port = java.net.URI.create(server.url("/")).getPort();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /admin/upload?name=cut.mp3 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Cookie: ck_session=" + cookie + "\r\nX-CSRF-Token: " + host.csrf() + "\r\n"
                            + "Content-Type: application/octet-stream\r\nContent-Length: " + (mp3.length * 4)
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(mp3, 0, mp3.length / 2);
            out.flush();
            // Cut only once the server is writing the upload to disk: a cut in the middle of the body.
            assertThatEventually(() -> assertThat(filesInMediaFolder()).isPositive());
        }
        // The server notices the closed connection and cleans up.
        assertThatEventually(() -> assertThat(filesInMediaFolder()).isZero());
        assertThat(server.app().episodes().count()).isZero();
        assertThat(host.get("/admin").statusCode()).isEqualTo(200);
    }

    @Test
    void noUploadNameChoosesTheStoredExtension() throws Exception {
        AdminClient host = host("");
        byte[] mp3 = Files.readAllBytes(Fixtures.mp3("untagged.mp3"));
        int i = 0;
        for (String name : new String[] {"page.html", "image.svg"}) {
            assertThat(host.put("/admin/upload?name=" + name, mp3).statusCode())
                    .as(name)
                    .isEqualTo(400);
        }
        for (String name : new String[] {"page.html.mp3", "x.svg%3Fa.mp3", "..%2F..%2Fevil.mp3", "%3Cscript%3E.mp3"}) {
            byte[] unique = java.util.Arrays.copyOf(mp3, mp3.length + 1);
            unique[mp3.length] = (byte) i++;
            HttpResponse<String> r = host.put("/admin/upload?name=" + name, unique);
            assertThat(r.statusCode()).as(name + ": " + r.body()).isEqualTo(201);
            Episode e =
                    server.app().episodes().findById(json(r).get("id").asInt()).orElseThrow();
            assertThat(e.audio().path()).as(name).matches("[a-z0-9-]+-[0-9a-f]{10}\\.mp3");
            assertThat(server.app()
                            .folder()
                            .orElseThrow()
                            .root()
                            .resolve(e.audio().path()))
                    .exists();
        }
    }

    @Test
    void aCommandRunWhileAnUploadArrivesLeavesTheUploadIntact() throws Exception {
        AdminClient host = host("");
        byte[] mp3 = Files.readAllBytes(Fixtures.mp3("cbr-id3v23.mp3"));
        int port = java.net.URI.create(server.url("/")).getPort();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /admin/upload?name=arriving.mp3 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Cookie: ck_session=" + host.cookie("ck_session") + "\r\nX-CSRF-Token: " + host.csrf()
                            + "\r\n"
                            + "Content-Type: application/octet-stream\r\nContent-Length: " + mp3.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(mp3, 0, mp3.length / 2);
            out.flush();
            assertThatEventually(() -> assertThat(partialUploads()).isEqualTo(1));

            // Read-only commands, and a second instance opening the same folders, while the upload is half in.
            String config = server.app().config().source().toString();
            java.io.StringWriter ignored = new java.io.StringWriter();
            assertThat(org.castkeeper.cli.Main.run(
                            new java.io.PrintWriter(ignored),
                            new java.io.PrintWriter(ignored),
                            "episodes",
                            "--config",
                            config))
                    .isZero();
            try (var other = org.castkeeper.Castkeeper.open(server.app().config(), java.time.Clock.systemUTC())) {
                assertThat(other.episodes().count()).isZero();
            }
            assertThat(partialUploads())
                    .as("the upload's partial file is still there")
                    .isEqualTo(1);

            out.write(mp3, mp3.length / 2, mp3.length - mp3.length / 2);
            out.flush();
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(status).isEqualTo("HTTP/1.1 201");
        }
        assertThat(server.app().episodes().count()).isEqualTo(1);
    }

    private long partialUploads() throws Exception {
        Path uploads = server.app().folder().orElseThrow().root().resolve(".uploads");
        if (!Files.isDirectory(uploads)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(uploads)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part"))
                    .count();
        }
    }

    @Test
    void aFullDiskIsA507WithPlainWordsAndLeavesNothingBehind() throws Exception {
        AdminClient host = host("");
        Path uploads = Files.createDirectories(
                server.app().folder().orElseThrow().root().resolve(".uploads"));
        // A real full disk: a 512 KiB tmpfs over the upload folder. Mounting needs root, as CI has.
        Assumptions.assumeTrue(
                run("mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", uploads.toString()) == 0,
                "mounting a small tmpfs needs root");
        try {
            byte[] mp3 = Files.readAllBytes(Fixtures.mp3("cbr-id3v23.mp3"));
            byte[] big = new byte[2 * 1024 * 1024];
            for (int at = 0; at < big.length; at += mp3.length) {
                System.arraycopy(mp3, 0, big, at, Math.min(mp3.length, big.length - at));
            }
            // Declared up front: refused before a byte is written.
            HttpResponse<String> declared = host.put("/admin/upload?name=big.mp3", big);
            assertThat(declared.statusCode()).isEqualTo(507);
            assertThat(json(declared).get("error").asText())
                    .contains("disk is full")
                    .contains("Nothing was saved");
            // Sent without a length: the disk fills up mid-way.
            HttpResponse<String> streamed =
                    host.putStream("/admin/upload?name=big.mp3", () -> new java.io.ByteArrayInputStream(big));
            assertThat(streamed.statusCode()).isEqualTo(507);
            try (var left = Files.list(uploads)) {
                assertThat(left).as("no partial file left behind").isEmpty();
            }
            assertThat(server.app().episodes().count()).isZero();
            assertThat(server.get("/feed.xml").statusCode()).isEqualTo(200);
        } finally {
            run("umount", uploads.toString());
        }
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }
}
