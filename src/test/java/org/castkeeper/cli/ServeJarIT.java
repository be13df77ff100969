package org.castkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.castkeeper.testing.Fixtures;
import org.castkeeper.testing.TestShow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, started as a host starts it: {@code java -jar target/castkeeper.jar serve}. A file dropped into
 * the episodes folder shows up in the catalogue without a restart.
 */
class ServeJarIT {
    private static final Pattern LISTENING = Pattern.compile("on port (\\d+)");

    @TempDir
    Path dir;
    Process server;

    @AfterEach
    void stop() throws Exception {
        if (server != null && server.isAlive()) {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void servesAndImportsDroppedFiles() throws Exception {
        Path config = TestShow.create(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Xmx128m",
                "-jar", Path.of("target/castkeeper.jar").toAbsolutePath().toString(),
                "serve", "--config", config.toString(), "--port", "0")
                .redirectErrorStream(true)
                .start();
        BufferedReader log = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        int port = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = log.readLine()) != null; ) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        return Integer.parseInt(m.group(1));
                    }
                }
                return -1;
            } catch (Exception e) {
                return -1;
            }
        }).get(60, TimeUnit.SECONDS);
        assertThat(port).isPositive();
        // Keep draining the log so the child never blocks on a full pipe.
        Thread.ofVirtual().start(() -> log.lines().forEach(line -> { }));

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Weekly insight with Dominion");

        // A host drops a file in: copied under a hidden name, then renamed, as file managers and sync tools do.
        Path hidden = dir.resolve("episodes/.copying.mp3");
        Files.copy(Fixtures.mp3("cbr-id3v23.mp3"), hidden);
        Files.move(hidden, dir.resolve("episodes/morning.mp3"), StandardCopyOption.ATOMIC_MOVE);
        Files.setLastModifiedTime(dir.resolve("episodes/morning.mp3"),
                FileTime.from(Instant.now().minusSeconds(30)));

        String body = "";
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && !body.contains("Morning routine")) {
            Thread.sleep(250);
            body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        assertThat(body).contains("Morning routine (draft)");

        server.destroy();
        assertThat(server.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    }
}
