package org.castkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.castkeeper.testing.Fixtures;
import org.castkeeper.testing.TestShow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The commands as a host types them, against a real show folder and a real SQLite file. */
class CommandLineIT {
    @TempDir
    Path dir;

    Path config;

    record Run(int exitCode, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    @BeforeEach
    void show() throws Exception {
        config = TestShow.create(dir);
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    private void drop(String... fixtures) throws Exception {
        for (String name : fixtures) {
            Files.copy(Fixtures.mp3(name), dir.resolve("episodes").resolve(name));
        }
    }

    @Test
    void importReportsEachFileAndASecondRunAddsNothing() throws Exception {
        drop("cbr-id3v23.mp3", "untagged.mp3", "reject-wav.mp3", "truncated.mp3");
        Run first = run("import", "--config", config.toString());
        assertThat(first.exitCode()).isEqualTo(Main.FAILED);
        assertThat(first.lines())
                .containsExactly(
                        "[1/4] cbr-id3v23.mp3 imported: \"Morning routine\" (0:03, 64 kbps, draft)",
                        "[2/4] reject-wav.mp3 rejected: This is a WAV file, not an MP3. Export the episode as MP3 and upload that.",
                        "[3/4] truncated.mp3 imported: \"truncated\" (0:02, 64 kbps, draft)",
                        "    warning: The file ends in the middle of an audio frame: it looks truncated.",
                        "    warning: The file's header promises 116 audio frames but only 70 are present: it looks truncated.",
                        "[4/4] untagged.mp3 imported: \"untagged\" (0:03, 64 kbps, draft)",
                        "3 imported, 0 drafts published, 0 already in the catalogue, 0 skipped, 1 rejected");

        Files.delete(dir.resolve("episodes/reject-wav.mp3"));
        Run second = run("import", "--config", config.toString());
        assertThat(second.exitCode()).isZero();
        assertThat(second.lines())
                .last()
                .isEqualTo("0 imported, 0 drafts published, 3 already in the catalogue, 0 skipped, 0 rejected");
        assertThat(episodesJson()).hasSize(3);
    }

    @Test
    void importFromAnotherFolderCopiesIntoTheMediaStoreAndLeavesTheFolderAlone() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("Recordings 2025"));
        Path original = elsewhere.resolve("Épisode 1 – Sleep.MP3");
        Files.copy(Fixtures.mp3("id3v24-utf8.mp3"), original);
        Run run = run("import", elsewhere.toString(), "--config", config.toString(), "--publish");
        assertThat(run.exitCode()).isZero();
        assertThat(original)
                .as("the host's file stays where it was")
                .hasSameBinaryContentAs(Fixtures.mp3("id3v24-utf8.mp3"));
        JsonNode episode = episodesJson().get(0);
        String stored = episode.get("audioPath").asText();
        assertThat(stored).matches("[a-z0-9-]+-[0-9a-f]{10}\\.mp3");
        assertThat(dir.resolve("data/media").resolve(stored)).hasSameBinaryContentAs(Fixtures.mp3("id3v24-utf8.mp3"));
        assertThat(episode.get("state").asText()).isEqualTo("published");
        // The ID3v2.4 recording date 2025-03-14, at midnight in the show's zone (London, GMT in March).
        assertThat(episode.get("publishAt").asText()).isEqualTo("2025-03-14T00:00:00Z");
        try (Stream<Path> files = Files.list(dir.resolve("data/media"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
    }

    @Test
    void anM4aInTheDropFolderIsImportedLikeAnMp3() throws Exception {
        Files.copy(Fixtures.resource("m4a/short.m4a"), dir.resolve("episodes").resolve("Morning talk.M4A"));
        Run run = run("import", "--config", config.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.lines())
                .containsExactly(
                        "[1/1] Morning talk.M4A imported: \"Morning talk\" (0:01, 49 kbps, draft)",
                        "1 imported, 0 drafts published, 0 already in the catalogue, 0 skipped, 0 rejected");
    }

    @Test
    void publishWithoutATaggedDateUsesTheFileTime() throws Exception {
        drop("untagged.mp3");
        Files.setLastModifiedTime(
                dir.resolve("episodes/untagged.mp3"),
                java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2024-06-01T08:30:00Z")));
        assertThat(run("import", "--publish", "--config", config.toString()).exitCode())
                .isZero();
        assertThat(episodesJson().get(0).get("publishAt").asText()).isEqualTo("2024-06-01T08:30:00Z");
    }

    @Test
    void episodesJsonHasTheFieldsScriptsNeed() throws Exception {
        drop("chapters.mp3", "cover-art.mp3");
        run("import", "--config", config.toString());
        JsonNode all = episodesJson();
        assertThat(all).hasSize(2);
        JsonNode chapters = null;
        for (JsonNode e : all) {
            assertThat(e.fieldNames())
                    .toIterable()
                    .contains(
                            "guid",
                            "slug",
                            "title",
                            "state",
                            "publishAt",
                            "durationSeconds",
                            "sizeBytes",
                            "mimeType",
                            "bitrateKbps",
                            "artist",
                            "album",
                            "chapters",
                            "explicit",
                            "description",
                            "transcripts",
                            "persons",
                            "soundbites");
            if (e.get("title").asText().equals("Episode with chapters")) {
                chapters = e;
            }
        }
        assertThat(chapters).isNotNull();
        assertThat(chapters.get("durationSeconds").asInt()).isEqualTo(3);
        assertThat(chapters.get("mimeType").asText()).isEqualTo("audio/mpeg");
        assertThat(chapters.get("bitrateKbps").asInt()).isEqualTo(64);
        assertThat(chapters.get("artist").asText()).isEqualTo("Dominion");
        assertThat(chapters.get("chapters")).hasSize(3);
        assertThat(chapters.get("chapters").get(1).get("title").asText()).isEqualTo("Sleep & stress");
        assertThat(chapters.get("chapters").get(1).get("startMillis").asLong()).isEqualTo(1000);
        // The effective value: the episode has none of its own, so the show's (false in the test show).
        assertThat(chapters.get("explicit").isBoolean()).isTrue();
        assertThat(chapters.get("transcripts")).isEmpty();
    }

    @Test
    void coverArtIsSavedAsEpisodeArt() throws Exception {
        drop("cover-art.mp3");
        run("import", "--config", config.toString());
        String art = episodesJson().get(0).get("artworkPath").asText();
        assertThat(art).matches("artwork/[0-9a-f]{16}\\.jpg");
        assertThat(Files.readAllBytes(dir.resolve("data/media").resolve(art))).startsWith((byte) 0xFF, (byte) 0xD8);
    }

    @Test
    void episodesTableForPeople() throws Exception {
        drop("cbr-id3v23.mp3");
        run("import", "--config", config.toString());
        Run run = run("episodes", "--config", config.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(3);
        assertThat(run.lines().get(1)).startsWith("draft").contains("0:00:03").endsWith("Morning routine");
    }

    @Test
    void aMalformedConfigExitsNonZeroAndTouchesNoData() throws Exception {
        Files.writeString(config, Files.readString(config).replace("language: en", "language: [en"));
        Run run = run("import", "--config", config.toString());
        assertThat(run.exitCode()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("feed-config.yml:").contains("not valid YAML");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void anIncompleteConfigNamesTheKeyAndLine() throws Exception {
        Files.writeString(config, Files.readString(config).replace("    email: dominion@example.com\n", ""));
        Run run = run("episodes", "--config", config.toString());
        assertThat(run.exitCode()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("feed-config.yml:10: show.owner.email: missing");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve", "import", "episodes"})
    void everyCommandHasHelp(String command) {
        Run run = run(command, "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: castkeeper " + command).contains("--config");
    }

    private JsonNode episodesJson() throws Exception {
        Run run = run("episodes", "--json", "--config", config.toString());
        assertThat(run.exitCode()).isZero();
        return new ObjectMapper().readTree(run.out());
    }
}
