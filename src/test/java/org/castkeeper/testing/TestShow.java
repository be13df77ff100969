package org.castkeeper.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A complete show folder in a temporary directory: feed-config.yml, artwork and an empty episodes folder. */
public final class TestShow {
    private TestShow() {}

    public static Path create(Path dir) throws IOException {
        return create(dir, "jdbc:sqlite:data/castkeeper.db");
    }

    public static Path create(Path dir, String databaseUrl) throws IOException {
        Files.createDirectories(dir.resolve("episodes/artwork"));
        Files.copy(Path.of("episodes/artwork/show.jpg"), dir.resolve("episodes/artwork/show.jpg"));
        Path config = dir.resolve("feed-config.yml");
        Files.writeString(config, """
                show:
                  title: Weekly insight with Dominion
                  description: Weekly insight on mental health, fitness, nutrition, relationships and faith.
                  author: Dominion
                  language: en
                  categories:
                    - category: Health & Fitness
                      subcategory: Mental Health
                  explicit: false
                  owner:
                    name: Dominion
                    email: dominion@example.com
                  artwork: episodes/artwork/show.jpg
                  timeZone: Europe/London
                server:
                  port: 0
                  publicUrl: http://localhost:8080
                database:
                  url: %s
                """.formatted(databaseUrl));
        return config;
    }
}
