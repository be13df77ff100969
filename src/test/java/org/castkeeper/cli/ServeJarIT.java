package org.castkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.castkeeper.Castkeeper;
import org.castkeeper.catalogue.EpisodeAudio;
import org.castkeeper.catalogue.EpisodeState;
import org.castkeeper.catalogue.NewEpisode;
import org.castkeeper.config.ConfigLoader;
import org.castkeeper.testing.Fixtures;
import org.castkeeper.testing.JarServer;
import org.castkeeper.testing.TestShow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, started as a host starts it. Proves the shaded jar's merged rome.properties (our generators
 * write the feed) and that a file dropped into the episodes folder is catalogued without a restart.
 */
class ServeJarIT {
    @TempDir
    Path dir;

    @Test
    void servesTheFeedAndImportsDroppedFiles() throws Exception {
        Path config = TestShow.create(dir);
        Files.copy(Fixtures.mp3("chapters.mp3"), dir.resolve("episodes/chapters.mp3"));
        assertThat(Main.run(
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(new StringWriter()),
                        "import",
                        "--publish",
                        "--config",
                        config.toString()))
                .isZero();

        // An upload a kill -9 cut off before this start: gone once the server serves.
        Path cutOff = Files.writeString(
                Files.createDirectories(dir.resolve("data/media/.uploads")).resolve(".upload-1.part"), "cut off");
        Files.setLastModifiedTime(cutOff, FileTime.from(Instant.now().minusSeconds(600)));

        try (JarServer server = JarServer.start(config, "128m")) {
            assertThat(cutOff).doesNotExist();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> feed = http.send(
                    HttpRequest.newBuilder(URI.create(server.url("/feed.xml"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(feed.body())
                    .contains("<itunes:explicit>false</itunes:explicit>")
                    .contains("<podcast:chapters ")
                    .contains("<title>Episode with chapters</title>");

            // A host drops a file in: copied under a hidden name, then renamed, as file managers and sync tools do.
            Path hidden = dir.resolve("episodes/.copying.mp3");
            Files.copy(Fixtures.mp3("cbr-id3v23.mp3"), hidden);
            Path dropped = Files.move(hidden, dir.resolve("episodes/morning.mp3"), StandardCopyOption.ATOMIC_MOVE);
            Files.setLastModifiedTime(dropped, FileTime.from(Instant.now().minusSeconds(30)));

            org.castkeeper.testing.Eventually.assertThatEventually(
                    () -> assertThat(episodesJson(config)).hasSize(2));
            JsonNode catalogue = episodesJson(config);
            assertThat(catalogue.findValuesAsText("title")).contains("Morning routine");
            assertThat(catalogue.findValuesAsText("state")).containsExactlyInAnyOrder("draft", "published");
            assertThat(server.stop()).as("stops on SIGTERM").isTrue();
        }
    }

    @Test
    void onSigtermADownloadInFlightFinishesNewConnectionsAreRefusedAndTheServerExits() throws Exception {
        Path config = TestShow.create(dir);
        long size = 64L << 20;
        // A sparse file: long enough to be mid-transfer when the signal comes, next to nothing on disk.
        try (java.io.RandomAccessFile big = new java.io.RandomAccessFile(
                Files.createDirectories(dir.resolve("data/media"))
                        .resolve("long.mp3")
                        .toFile(),
                "rw")) {
            big.setLength(size);
        }
        try (Castkeeper app =
                Castkeeper.open(ConfigLoader.load(config, java.util.Map.of()), java.time.Clock.systemUTC())) {
            app.episodes()
                    .create(new NewEpisode(
                            "Long",
                            "",
                            EpisodeState.PUBLISHED,
                            Instant.now().minusSeconds(60),
                            new EpisodeAudio(
                                    "long.mp3", size, "audio/mpeg", "b".repeat(64), 3_600_000, 128, false, 44100, 2),
                            null,
                            null,
                            null,
                            java.util.List.of()));
        }
        try (JarServer server = JarServer.start(config, "96m");
                java.net.Socket download = new java.net.Socket()) {
            URI url = URI.create(server.url("/"));
            download.setReceiveBufferSize(16 * 1024);
            download.connect(new java.net.InetSocketAddress("127.0.0.1", url.getPort()));
            download.setSoTimeout(30_000);
            download.getOutputStream()
                    .write(("GET /media/long.mp3 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.InputStream in = download.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long received = 0;
            while (received < (1 << 20)) {
                received += in.read(buffer);
            }

            server.signal();
            // The listener closes at once: nobody new gets in while the server winds down.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> refuses(url.getPort()));
            assertThat(server.isAlive()).as("still finishing the download").isTrue();

            // The listener's app reads at its own pace: three pauses longer than the second Jetty allows a
            // connection that makes no progress while it stops, unless told otherwise (server.drainSeconds).
            for (int pause = 0; pause < 3; pause++) {
                long until = received + (2 << 20);
                for (int n; received < until && (n = in.read(buffer)) > 0; ) {
                    received += n;
                }
                Thread.sleep(1_500);
            }
            for (int n; (n = in.read(buffer)) > 0; ) {
                received += n;
            }
            assertThat(received).as("headers and every byte of the file").isGreaterThan(size);
            assertThat(server.waitForExit(Duration.ofSeconds(40)))
                    .as("exits once the download is done")
                    .isTrue();
        }
    }

    private static boolean refuses(int port) {
        try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
            return false;
        } catch (java.io.IOException refused) {
            return true;
        }
    }

    private static JsonNode episodesJson(Path config) throws Exception {
        StringWriter out = new StringWriter();
        Main.run(
                new PrintWriter(out),
                new PrintWriter(new StringWriter()),
                "episodes",
                "--json",
                "--config",
                config.toString());
        return new ObjectMapper().readTree(out.toString());
    }

    /** `java -jar` on the machine's older default Java: one line saying what is needed, not a stack trace. */
    @Test
    void anOlderJavaIsToldWhatItNeedsInOneLine() throws Exception {
        Path java17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(java17), "no Java 17 on this machine");
        Process p = new ProcessBuilder(
                        java17.toString(),
                        "-jar",
                        Path.of("target/castkeeper.jar").toAbsolutePath().toString(),
                        "--help")
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(output.lines().toList())
                .containsExactly("castkeeper: Castkeeper needs Java 21 or newer, and this "
                        + "is Java 17. Run scripts/serve (it finds a suitable JDK), or set JAVA_HOME to a JDK 21+.");
    }
}
