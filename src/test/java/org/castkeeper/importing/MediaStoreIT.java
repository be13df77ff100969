package org.castkeeper.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.castkeeper.Castkeeper;
import org.castkeeper.catalogue.EpisodeAudio;
import org.castkeeper.catalogue.EpisodeState;
import org.castkeeper.catalogue.NewEpisode;
import org.castkeeper.config.ConfigLoader;
import org.castkeeper.testing.Fixtures;
import org.castkeeper.testing.TestServer;
import org.castkeeper.testing.TestShow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drop folder is the host's, the media store Castkeeper's: any name the host gives a file works, and an
 * instance from before the store keeps every enclosure URL it ever published.
 */
class MediaStoreIT {
    /** Names hosts really give files, each a trap for a URL: reserved characters, non-Latin letters, emoji. */
    static final List<String> HOSTILE_NAMES = List.of(
            "file name with spaces & ampersand.mp3",
            "hash # tag.mp3",
            "100% pure.mp3",
            "a+b=c.mp3",
            "why?.mp3",
            "semi;colon.mp3",
            "Ünïcödé épisode.mp3",
            "Сон и стресс.mp3",
            "睡眠.mp3",
            "🎙️ live.mp3",
            ".leading dot.mp3",
            "Case.mp3",
            "case.MP3");

    private static final Pattern ENCLOSURE = Pattern.compile("<enclosure url=\"http://localhost:8080([^\"]+)\"");

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
    void aFileByAnyNameImportsAndItsEnclosureAnswersGetRangeAndHead() throws Exception {
        server = TestServer.start(dir, "");
        byte[] mp3 = Files.readAllBytes(Fixtures.mp3("untagged.mp3"));
        List<Path> dropped = new ArrayList<>();
        for (int i = 0; i < HOSTILE_NAMES.size(); i++) {
            Path file = server.app().config().episodesDir().resolve(HOSTILE_NAMES.get(i));
            // A few trailing bytes make each copy's content, and so its hash, its own.
            Files.write(file, concat(mp3, ("copy " + i).getBytes(StandardCharsets.UTF_8)));
            dropped.add(file);
        }
        for (Path file : dropped) {
            ImportResult result = server.app().importer().importFile(file, false, done -> {});
            assertThat(result.outcome()).as(file.getFileName().toString()).isEqualTo(ImportResult.Outcome.IMPORTED);
            server.app()
                    .episodes()
                    .update(result.episode()
                            .withState(EpisodeState.PUBLISHED, TestServer.START.minus(Duration.ofDays(1))));
        }
        List<String> enclosures = enclosures();
        assertThat(enclosures).hasSize(HOSTILE_NAMES.size());
        for (String path : enclosures) {
            assertThat(path).as("plain ASCII, an audio extension").matches("/media/[a-z0-9-]+-[0-9a-f]{10}\\.mp3");
            assertServed(path, mp3.length);
        }
        for (int i = 0; i < dropped.size(); i++) {
            assertThat(dropped.get(i)).as("the drop folder is only read").exists();
        }
    }

    @Test
    void anInstanceFromBeforeTheStoreKeepsEveryEnclosureUrlItPublished() throws Exception {
        Path config = TestShow.create(dir);
        byte[] mp3 = Files.readAllBytes(Fixtures.mp3("untagged.mp3"));
        // As the old code left it: the served files in the drop folder itself, under the names the host gave.
        try (Castkeeper old = Castkeeper.open(ConfigLoader.load(config, Map.of()), Clock.systemUTC())) {
            for (int i = 0; i < HOSTILE_NAMES.size(); i++) {
                String name = HOSTILE_NAMES.get(i);
                byte[] content = concat(mp3, ("old " + i).getBytes(StandardCharsets.UTF_8));
                Files.write(dir.resolve("episodes").resolve(name), content);
                old.episodes()
                        .create(new NewEpisode(
                                "Old " + i,
                                "",
                                EpisodeState.PUBLISHED,
                                TestServer.START.minus(Duration.ofDays(30 - i)),
                                new EpisodeAudio(
                                        name, content.length, "audio/mpeg", sha256(content), 3, 64, false, 44100, 1),
                                null,
                                null,
                                null,
                                List.of()));
            }
        }
        Files.delete(dir.resolve("data/media").resolve(MediaStoreMigration.DONE_MARKER));

        server = TestServer.start(ConfigLoader.load(config, Map.of()), dir);
        List<String> enclosures = enclosures();
        assertThat(enclosures).hasSize(HOSTILE_NAMES.size());
        for (String name : HOSTILE_NAMES) {
            assertThat(enclosures)
                    .as("the enclosure URL the old instance published for %s", name)
                    .contains("/media/" + org.castkeeper.media.MediaUrls.encodePath(name));
        }
        for (String path : enclosures) {
            assertServed(path, mp3.length);
        }
        for (String name : HOSTILE_NAMES) {
            assertThat(dir.resolve("episodes").resolve(name))
                    .as("left in the drop folder")
                    .exists();
            assertThat(dir.resolve("data/media").resolve(name))
                    .as("given to the store")
                    .exists();
        }
        // The watcher knows those files: nothing in the drop folder becomes a new draft.
        for (String name : HOSTILE_NAMES) {
            ImportResult again =
                    server.app().importer().importFile(dir.resolve("episodes").resolve(name), false, d -> {});
            assertThat(again.outcome()).isEqualTo(ImportResult.Outcome.ALREADY_CATALOGUED);
        }
    }

    private List<String> enclosures() throws Exception {
        String feed = new String(server.get("/feed.xml").body(), StandardCharsets.UTF_8);
        List<String> paths = new ArrayList<>();
        Matcher m = ENCLOSURE.matcher(feed);
        while (m.find()) {
            paths.add(m.group(1).replace("&amp;", "&"));
        }
        return paths;
    }

    /** GET, a byte range and HEAD of an enclosure, by the URL exactly as the feed gives it. */
    private void assertServed(String path, int atLeast) throws Exception {
        HttpResponse<byte[]> get = server.get(path);
        assertThat(get.statusCode()).as("GET " + path).isEqualTo(200);
        assertThat(get.body().length).as(path).isGreaterThanOrEqualTo(atLeast);
        HttpResponse<byte[]> range = server.get(path, "Range", "bytes=0-1");
        assertThat(range.statusCode()).as("range " + path).isEqualTo(206);
        assertThat(range.body()).hasSize(2);
        HttpResponse<byte[]> head = server.head(path);
        assertThat(head.statusCode()).as("HEAD " + path).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(get.body().length);
        assertThat(head.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
