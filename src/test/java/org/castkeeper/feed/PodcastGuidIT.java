package org.castkeeper.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.castkeeper.Castkeeper;
import org.castkeeper.catalogue.ShowSettingsRepository;
import org.castkeeper.config.ConfigLoader;
import org.castkeeper.config.ShowJson;
import org.castkeeper.feed.podcast.PodcastGuid;
import org.castkeeper.testing.TestShow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The show's podcast:guid through its states: it follows the address while the show is tried out on a local one,
 * is fixed the first time the show starts at a public address, then never changes; a guid an older Castkeeper
 * fixed from localhost is replaced at that first public start; a guid the host sets is fixed at once.
 */
class PodcastGuidIT {
    @TempDir
    Path dir;

    private Path config;

    @Test
    void followsALocalAddressThenIsFixedAtTheFirstPublicOne() throws Exception {
        config = TestShow.create(dir);
        assertThat(start("http://localhost:8080")).isEqualTo(made("http://localhost:8080"));
        assertThat(start("http://192.168.1.20:8080")).isEqualTo(made("http://192.168.1.20:8080"));
        assertThat(fixedAt("http://192.168.1.20:8080")).isFalse();

        assertThat(start("https://podcast.example.org")).isEqualTo(made("https://podcast.example.org"));
        assertThat(fixedAt("https://podcast.example.org")).isTrue();

        // Moved to a new address, or tried locally again: the show keeps its identity.
        assertThat(start("https://new.example.org")).isEqualTo(made("https://podcast.example.org"));
        assertThat(start("http://localhost:8080")).isEqualTo(made("https://podcast.example.org"));
        assertThat(feed("https://new.example.org"))
                .contains("<podcast:guid>" + made("https://podcast.example.org") + "</podcast:guid>");
    }

    @Test
    void aGuidFixedFromLocalhostBeforeItFollowedTheAddressIsReplacedAtTheFirstPublicStart() throws Exception {
        config = TestShow.create(dir);
        start("http://localhost:8080");
        // What V012 leaves of a catalogue an older version seeded on localhost:8123: a guid of unknown origin.
        setStoredGuid(made("http://localhost:8123"));

        assertThat(start("https://podcast.example.org")).isEqualTo(made("https://podcast.example.org"));
    }

    @Test
    void aGuidFromAnEarlierPublicAddressIsKept() throws Exception {
        config = TestShow.create(dir);
        start("http://localhost:8080");
        setStoredGuid(made("https://old-host.example.net"));

        assertThat(start("https://podcast.example.org")).isEqualTo(made("https://old-host.example.net"));
    }

    @Test
    void aGuidTheHostSetsIsFixedAtOnce() throws Exception {
        config = TestShow.create(dir);
        start("http://localhost:8080");
        try (Castkeeper app = open("http://localhost:8080")) {
            ShowSettingsRepository.Stored stored = app.showSettings().load();
            app.showSettings()
                    .save(
                            ShowJson.with(stored.settings(), "podcastGuid", "917393e3-1b1e-5cef-ace4-edaa54e1f810"),
                            stored.version(),
                            "dominion");
        }
        assertThat(start("http://localhost:9999")).isEqualTo("917393e3-1b1e-5cef-ace4-edaa54e1f810");
        assertThat(start("https://podcast.example.org")).isEqualTo("917393e3-1b1e-5cef-ace4-edaa54e1f810");
    }

    @Test
    void localAddressesAreToldByTheirFormAlone() {
        assertThat(PodcastGuid.madeFromLocalAddress(made("http://localhost:8080")))
                .isTrue();
        assertThat(PodcastGuid.madeFromLocalAddress(made("http://127.0.0.1:18080")))
                .isTrue();
        assertThat(PodcastGuid.madeFromLocalAddress(made("http://localhost"))).isTrue();
        assertThat(PodcastGuid.madeFromLocalAddress(made("https://podcast.example.org")))
                .isFalse();
        assertThat(PodcastGuid.madeFromLocalAddress("not a uuid")).isFalse();
    }

    private static String made(String base) {
        return PodcastGuid.forFeedUrl(base + "/feed.xml").toString();
    }

    /** Starts Castkeeper at {@code publicUrl} and gives the guid the show has then. */
    private String start(String publicUrl) throws Exception {
        try (Castkeeper app = open(publicUrl)) {
            return app.showSettings().load().settings().podcastGuid();
        }
    }

    private boolean fixedAt(String publicUrl) throws Exception {
        try (Castkeeper app = open(publicUrl)) {
            return app.showSettings().guidFixedAt().isPresent();
        }
    }

    private String feed(String publicUrl) throws Exception {
        try (Castkeeper app = open(publicUrl)) {
            return new String(app.feed().page(1).orElseThrow().xml(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private void setStoredGuid(String guid) throws Exception {
        try (Castkeeper app = open("http://localhost:8080")) {
            app.database()
                    .dsl()
                    .execute(
                            "UPDATE show_settings SET settings = ?, podcast_guid_fixed_at = NULL, podcast_guid_follows = FALSE",
                            ShowJson.write(
                                    ShowJson.with(app.showSettings().load().settings(), "podcastGuid", guid)));
        }
    }

    private Castkeeper open(String publicUrl) throws Exception {
        String text = Files.readString(config).replaceAll("publicUrl: .*", "publicUrl: " + publicUrl);
        Files.writeString(config, text);
        return Castkeeper.open(ConfigLoader.load(config, Map.of()), Clock.systemUTC());
    }
}
