package org.castkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.castkeeper.media.MediaFolder;
import org.castkeeper.testing.Fixtures;
import org.castkeeper.testing.TestShow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at any moment of `import --publish`, then the same import run again: the catalogue is exactly one
 * published episode per file, and the store holds exactly their files (plus partial files, which the server
 * removes once they are stale). The kill points are drawn from a fixed seed, so a failure can be replayed.
 */
class ImportCrashIT {
    private static final int KILLS = 20;
    private static final long SEED = 20261202L;
    private static final List<String> FIXTURES = List.of(
            "cbr-id3v23.mp3", "cover-art.mp3", "chapters.mp3", "vbr-xing.mp3", "untagged.mp3", "id3v24-utf8.mp3");

    @TempDir
    Path dir;

    @Test
    void aKilledImportRunAgainGivesExactlyTheExpectedCatalogueAndNoOrphans() throws Exception {
        Path config = TestShow.create(dir);
        Path recordings = Files.createDirectories(dir.resolve("recordings"));
        int files = 0;
        for (int copy = 0; copy < 2; copy++) {
            for (String fixture : FIXTURES) {
                byte[] audio = Files.readAllBytes(Fixtures.mp3(fixture));
                byte[] tail = ("take " + copy).getBytes(StandardCharsets.UTF_8);
                byte[] bytes = java.util.Arrays.copyOf(audio, audio.length + tail.length);
                System.arraycopy(tail, 0, bytes, audio.length, tail.length);
                Files.write(recordings.resolve("take " + copy + " " + fixture), bytes);
                files++;
            }
        }

        // One run to the end, to learn how long a whole import takes here, JVM start included.
        long started = System.nanoTime();
        assertThat(childImport(recordings, config).waitFor(120, TimeUnit.SECONDS))
                .isTrue();
        long wholeRunMillis = Math.max(200, (System.nanoTime() - started) / 1_000_000);
        assertCatalogue(config, files);

        Random random = new Random(SEED);
        for (int kill = 0; kill < KILLS; kill++) {
            deleteTree(dir.resolve("data"));
            Process child = childImport(recordings, config);
            long at = (long) (random.nextDouble() * wholeRunMillis);
            if (!child.waitFor(at, TimeUnit.MILLISECONDS)) {
                child.destroyForcibly();
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

            StringWriter out = new StringWriter();
            int rerun = Main.run(
                    new PrintWriter(out),
                    new PrintWriter(new StringWriter()),
                    "import",
                    recordings.toString(),
                    "--publish",
                    "--config",
                    config.toString());
            assertThat(rerun).as("kill %d at %d ms: %s", kill, at, out).isZero();
            assertCatalogue(config, files);
        }
    }

    private Process childImport(Path recordings, Path config) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-jar",
                        Path.of("target/castkeeper.jar").toAbsolutePath().toString(),
                        "import",
                        recordings.toString(),
                        "--publish",
                        "--config",
                        config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private void assertCatalogue(Path config, int files) throws Exception {
        StringWriter out = new StringWriter();
        assertThat(Main.run(
                        new PrintWriter(out),
                        new PrintWriter(new StringWriter()),
                        "episodes",
                        "--json",
                        "--config",
                        config.toString()))
                .isZero();
        JsonNode episodes = new ObjectMapper().readTree(out.toString());
        assertThat(episodes).hasSize(files);
        Set<String> referenced = new HashSet<>();
        for (JsonNode e : episodes) {
            assertThat(e.get("state").asText()).isEqualTo("published");
            referenced.add(e.get("audioPath").asText());
            if (e.hasNonNull("artworkPath")) {
                referenced.add(e.get("artworkPath").asText());
            }
        }
        assertThat(referenced).as("one audio file per episode").hasSizeGreaterThanOrEqualTo(files);

        Path store = dir.resolve("data/media");
        // What the server's clean-up removes: partial files, once stale. Everything else must be referenced.
        new MediaFolder(store).clearUnfinished(Instant.now().plusSeconds(1));
        try (Stream<Path> walk = Files.walk(store)) {
            List<String> inStore = walk.filter(Files::isRegularFile)
                    .map(p -> store.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> !name.startsWith("."))
                    .toList();
            assertThat(inStore).as("no orphans in the store").containsExactlyInAnyOrderElementsOf(referenced);
        }
        try (Stream<Path> drop = Files.list(dir.resolve("recordings"))) {
            assertThat(drop).as("the recordings are only read").hasSize(files);
        }
    }

    private static void deleteTree(Path root) throws Exception {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
