package org.castkeeper.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    /** A complete, valid config; tests break one line of it at a time. */
    private static final String VALID = """
            show:
              title: Weekly insight with Dominion
              description: Weekly insight on mental health, fitness, nutrition, relationships and faith.
              author: Dominion
              language: en
              categories:
                - category: Health & Fitness
                  subcategory: Mental Health
                - category: Religion & Spirituality
              explicit: false
              type: episodic
              owner:
                name: Dominion
                email: dominion@example.com
              artwork: art/show.jpg
              copyright: © 2026 Dominion
              timeZone: Europe/London
            server:
              port: 8080
              publicUrl: https://podcast.example.org/
            storage:
              episodes: media
            database:
              url: jdbc:sqlite:data/catalogue.db
            """;

    private Path write(String yaml) throws Exception {
        Files.createDirectories(dir.resolve("art"));
        Files.write(dir.resolve("art/show.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8});
        Path file = dir.resolve("feed-config.yml");
        Files.writeString(file, yaml);
        return file;
    }

    private AppConfig load(String yaml) throws Exception {
        return ConfigLoader.load(write(yaml), Map.of());
    }

    private ConfigException failure(String yaml, Map<String, String> env) throws Exception {
        Path file = write(yaml);
        return catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file, env));
    }

    @Test
    void bindsEverySettingToTypedValues() throws Exception {
        AppConfig config = load(VALID);
        ShowSettings show = config.show();
        assertThat(show.title()).isEqualTo("Weekly insight with Dominion");
        assertThat(show.language()).isEqualTo("en");
        assertThat(show.categories())
                .containsExactly(
                        new ShowSettings.Category("Health & Fitness", "Mental Health"),
                        new ShowSettings.Category("Religion & Spirituality", null));
        assertThat(show.explicit()).isFalse();
        assertThat(show.type()).isEqualTo("episodic");
        assertThat(show.owner()).isEqualTo(new ShowSettings.Owner("Dominion", "dominion@example.com"));
        assertThat(show.copyright()).isEqualTo("© 2026 Dominion");
        assertThat(show.timeZone()).isEqualTo("Europe/London");
        assertThat(config.server().port()).isEqualTo(8080);
        assertThat(config.server().baseUrl()).isEqualTo("https://podcast.example.org");
    }

    @Test
    void relativePathsResolveAgainstTheConfigFilesFolderNotTheWorkingDirectory() throws Exception {
        AppConfig config = load(VALID);
        assertThat(config.episodesDir()).isEqualTo(dir.resolve("media"));
        assertThat(config.dataDir()).isEqualTo(dir.resolve("data"));
        assertThat(config.showArtwork()).isEqualTo(dir.resolve("art/show.jpg"));
        assertThat(config.databaseUrl()).isEqualTo("jdbc:sqlite:" + dir.resolve("data/catalogue.db"));
    }

    @Test
    void defaultsWhenServerStorageAndDatabaseAreLeftOut() throws Exception {
        String minimal = VALID.substring(0, VALID.indexOf("server:"));
        AppConfig config = load(minimal);
        assertThat(config.server().port()).isEqualTo(8080);
        assertThat(config.server().baseUrl()).isEqualTo("http://localhost:8080");
        assertThat(config.episodesDir()).isEqualTo(dir.resolve("episodes"));
        assertThat(config.databaseUrl()).isEqualTo("jdbc:sqlite:" + dir.resolve("data/castkeeper.db"));
    }

    @Test
    void theConfigIsImmutable() throws Exception {
        AppConfig config = load(VALID);
        assertThatThrownBy(() -> config.show().categories().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theRepositorysOwnConfigIsValid() throws Exception {
        AppConfig config = ConfigLoader.load(Path.of("feed-config.yml"), Map.of());
        assertThat(config.show().title()).isEqualTo("Weekly insight with Dominion");
        assertThat(config.show().categories())
                .first()
                .isEqualTo(new ShowSettings.Category("Health & Fitness", "Mental Health"));
        assertThat(Files.isRegularFile(config.showArtwork())).isTrue();
    }

    @Test
    void aMissingKeyIsNamedWithTheLineOfItsParent() throws Exception {
        ConfigException e = failure(VALID.replace("    email: dominion@example.com\n", ""), Map.of());
        assertThat(e.problems()).containsExactly(new ConfigProblem("show.owner.email", 12, "missing"));
        assertThat(e.getMessage()).contains("feed-config.yml:12: show.owner.email: missing");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        String broken = VALID.replace("language: en", "language: english")
                .replace("email: dominion@example.com", "email: dominion")
                .replace("subcategory: Mental Health", "subcategory: Yoga");
        ConfigException e = failure(broken, Map.of());
        assertThat(e.problems())
                .extracting(ConfigProblem::key, ConfigProblem::line)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("show.language", 5),
                        org.assertj.core.groups.Tuple.tuple("show.categories[0].subcategory", 8),
                        org.assertj.core.groups.Tuple.tuple("show.owner.email", 14));
        assertThat(e.getMessage()).contains("'Yoga' is not a subcategory of Health & Fitness");
    }

    @Test
    void podrollValueAndSocialInteractAreCheckedWithTheirKeys() throws Exception {
        String extras = """
                  podroll:
                    - feedGuid: not-a-guid
                  value:
                    recipients:
                      - name: Dominion
                        type: node
                        split: 0
                  socialInteract:
                    protocol: activitypub
                    uri: mastodon
                """;
        ConfigException e = failure(VALID.replace("server:", extras + "server:"), Map.of());
        assertThat(e.problems())
                .extracting(ConfigProblem::key)
                .containsExactlyInAnyOrder(
                        "show.podroll[0].feedGuid",
                        "show.value.recipients[0].address",
                        "show.value.recipients[0].split",
                        "show.socialInteract.uri");
        assertThat(e.getMessage()).contains("'not-a-guid' is not a podcast:guid");
    }

    @Test
    void anUnknownCategoryListsApplesCategories() throws Exception {
        ConfigException e = failure(VALID.replace("category: Religion & Spirituality", "category: Faith"), Map.of());
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("show.categories[1].category");
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.message())
                    .contains("'Faith' is not an Apple Podcasts category")
                    .contains("True Crime");
        });
    }

    @Test
    void anUnknownKeyIsATypoWorthStoppingFor() throws Exception {
        ConfigException e = failure(VALID.replace("  copyright:", "  copyrite:"), Map.of());
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("show.copyrite");
            assertThat(p.line()).isEqualTo(16);
            assertThat(p.message()).startsWith("unknown setting").contains("copyright");
        });
    }

    @Test
    void theClientAddressHeaderIsOneCastkeeperReads() throws Exception {
        ConfigException e = failure(VALID.replace("port: 8080", "port: 8080\n  clientAddressHeader: via"), Map.of());
        assertThat(e.getMessage())
                .contains("server.clientAddressHeader")
                .contains("x-forwarded-for, forwarded, x-real-ip");
        assertThat(ConfigLoader.load(write(VALID), Map.of("CASTKEEPER_SERVER_CLIENT_ADDRESS_HEADER", "Forwarded"))
                        .server()
                        .clientAddressHeader())
                .isEqualTo("forwarded");
    }

    @Test
    void aValueOfTheWrongTypeIsNamedWithItsLine() throws Exception {
        ConfigException e = failure(VALID.replace("port: 8080", "port: eighty"), Map.of());
        assertThat(e.problems())
                .containsExactly(new ConfigProblem("server.port", 19, "'eighty' is not a whole number"));
    }

    @Test
    void brokenYamlSyntaxGivesTheLine() throws Exception {
        ConfigException e = failure(VALID.replace("  author: Dominion", "  author: [Dominion"), Map.of());
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("(syntax)");
            assertThat(p.line()).isGreaterThanOrEqualTo(4);
            assertThat(p.message()).startsWith("this is not valid YAML");
        });
    }

    @Test
    void anEmptyFileIsRejected() throws Exception {
        ConfigException e = failure("", Map.of());
        assertThat(e.getMessage()).contains("the file is empty");
    }

    @Test
    void aMissingFileSaysWhereItLooked() {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.yml"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("there is no config file at " + dir.resolve("nope.yml"));
    }

    @Test
    void theArtworkFileMustExist() throws Exception {
        ConfigException e = failure(VALID.replace("art/show.jpg", "art/missing.jpg"), Map.of());
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("show.artwork");
            assertThat(p.message()).isEqualTo("no file at " + dir.resolve("art/missing.jpg"));
        });
    }

    @Test
    void environmentVariablesOverrideSettingsForDeployment() throws Exception {
        Path file = write(VALID);
        AppConfig config = ConfigLoader.load(
                file,
                Map.of(
                        "CASTKEEPER_SERVER_PORT", "9090",
                        "CASTKEEPER_SERVER_PUBLIC_URL", "https://cdn.example.net",
                        "CASTKEEPER_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/castkeeper",
                        "CASTKEEPER_DATABASE_PASSWORD", "s3cret",
                        "CASTKEEPER_SHOW_OWNER_EMAIL", "host@example.org",
                        "CASTKEEPER_CONFIG", "ignored: it names the file itself"));
        assertThat(config.server().port()).isEqualTo(9090);
        assertThat(config.server().baseUrl()).isEqualTo("https://cdn.example.net");
        assertThat(config.databaseUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/castkeeper");
        assertThat(config.database().password()).isEqualTo("s3cret");
        assertThat(config.database().toString()).doesNotContain("s3cret");
        assertThat(config.show().owner().email()).isEqualTo("host@example.org");
    }

    @Test
    void aBadOverrideNamesTheVariable() throws Exception {
        ConfigException e = failure(VALID, Map.of("CASTKEEPER_SERVER_PUBLIC_URL", "podcast.example.org"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("server.publicUrl");
            assertThat(p.message()).endsWith("(set by CASTKEEPER_SERVER_PUBLIC_URL)");
        });
    }

    @Test
    void spotifyCannotBeBlockedFromTheFeed() throws Exception {
        ConfigException e = failure(
                VALID.replace(
                        "  timeZone: Europe/London\n", "  timeZone: Europe/London\n  blockFrom: [apple, spotify]\n"),
                Map.of());
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("show.blockFrom[1]");
            assertThat(p.message()).contains("Spotify reads no block tag");
        });
    }

    @Test
    void notificationSettingsAreChecked() throws Exception {
        ConfigException e = failure(
                VALID + "notifications:\n  websubHubs: [not-a-url]\n  podping:\n"
                        + "    endpoint: https://podping.cloud/\n",
                Map.of());
        assertThat(e.problems())
                .extracting(ConfigProblem::key)
                .containsExactlyInAnyOrder("notifications.websubHubs[0]", "notifications.podping.token");
    }

    @Test
    void overrideNamesFollowTheRecords() {
        assertThat(EnvironmentOverrides.upperSnake("publicUrl")).isEqualTo("PUBLIC_URL");
        assertThat(EnvironmentOverrides.upperSnake("timeZone")).isEqualTo("TIME_ZONE");
    }

    @Test
    void aLocalPublicUrlFollowsThePortOptionAndARealOneStays() throws Exception {
        AppConfig local = ConfigLoader.load(
                write(VALID.replace("publicUrl: https://podcast.example.org/", "publicUrl: http://localhost:8080")),
                Map.of());
        assertThat(local.withPort(9090).server().baseUrl()).isEqualTo("http://localhost:9090");
        AppConfig real = ConfigLoader.load(write(VALID), Map.of());
        assertThat(real.withPort(9090).server().baseUrl()).isEqualTo("https://podcast.example.org");
    }
}
