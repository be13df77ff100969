package org.castkeeper.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.castkeeper.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V014 on catalogues made before it, in both databases: every episode and everything hanging off it survives
 * (SQLite rebuilds the table, which must not cascade), the guid stays frozen, and the same audio may be two
 * episodes only when they came from a feed.
 */
class EpisodesFromFeedsMigrationIT {
    @TempDir
    Path dir;

    @Test
    void onSqlite() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("old.db") + "?foreign_keys=true";
        check(url, null, "sqlite");
    }

    @Test
    void onPostgresql() throws Exception {
        String schema = "ck_v014_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            check(TestDatabases.POSTGRES_URL + "?currentSchema=" + schema, TestDatabases.POSTGRES_USER, "postgresql");
        } finally {
            try (Connection c =
                            DriverManager.getConnection(TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER, "");
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private void check(String url, String user, String folder) throws SQLException {
        flyway(url, user, folder).target("13").load().migrate();
        try (Connection c = DriverManager.getConnection(url, user, user == null ? null : "");
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO show (slug, created_at) VALUES ('show', 1)");
            s.execute(episode(1, "guid-1", "first", "aaa", "file"));
            s.execute("INSERT INTO chapter (episode_id, position, start_ms, title) VALUES (1, 0, 0, 'Intro')");
            s.execute("INSERT INTO soundbite (episode_id, position, start_ms, duration_ms) VALUES (1, 0, 0, 5000)");
            s.execute("INSERT INTO episode_person (episode_id, position, name) VALUES (1, 0, 'Dominion')");
            s.execute("INSERT INTO episode_notice (episode_id, message, created_at) VALUES (1, 'Mono', 1)");
            s.execute("UPDATE episode SET transcript_path = 'transcripts/first.vtt', transcript_type = 'text/vtt'");
        }

        flyway(url, user, folder).load().migrate();

        try (Connection c = DriverManager.getConnection(url, user, user == null ? null : "");
                Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM episode WHERE guid = 'guid-1' AND origin = 'file'"))
                    .isEqualTo(1);
            // V015: the transcript moved into the episode's list of transcripts.
            assertThat(count(
                            s,
                            "SELECT count(*) FROM episode_transcript WHERE episode_id = 1 AND position = 0"
                                    + " AND path = 'transcripts/first.vtt' AND type = 'text/vtt'"))
                    .isEqualTo(1);
            for (String child :
                    new String[] {"chapter", "soundbite", "episode_person", "episode_notice", "episode_transcript"}) {
                assertThat(count(s, "SELECT count(*) FROM " + child + " WHERE episode_id = 1"))
                        .as(child)
                        .isEqualTo(1);
            }
            // Made from files, the same audio is still refused ...
            assertThatThrownBy(() -> s.execute(episode(2, "guid-2", "second", "aaa", "file")))
                    .isInstanceOf(SQLException.class);
            // ... and two items of an old feed with one file are two episodes.
            s.execute(episode(3, "guid-3", "third", "bbb", "feed"));
            s.execute(episode(4, "guid-4", "fourth", "bbb", "feed"));
            s.execute(episode(5, "guid-5", "fifth", "aaa", "feed"));
            assertThat(count(s, "SELECT count(*) FROM episode")).isEqualTo(4);
            assertThatThrownBy(() -> s.execute("UPDATE episode SET guid = 'other' WHERE id = 1"))
                    .isInstanceOf(SQLException.class);
            // Deleting an episode still takes its chapters with it: the foreign keys point at the new table.
            s.execute("DELETE FROM episode_notice WHERE episode_id = 1");
            s.execute("DELETE FROM episode WHERE id = 1");
            assertThat(count(s, "SELECT count(*) FROM chapter")).isZero();
            assertThat(count(s, "SELECT count(*) FROM episode_transcript")).isZero();
        }
    }

    private static String episode(int id, String guid, String slug, String sha256, String origin) {
        return "INSERT INTO episode (id, show_id, guid, slug, title, duration_seconds, audio_path, size_bytes, "
                + "mime_type, sha256, bitrate_kbps, sample_rate, channels, created_at, updated_at"
                + (origin.equals("file") && id == 1 ? "" : ", origin")
                + ") VALUES (" + id + ", 1, '" + guid + "', '" + slug + "', 'T', 60, '" + slug + ".mp3', 100, "
                + "'audio/mpeg', '" + sha256 + "', 128, 44100, 2, 1, 1"
                + (origin.equals("file") && id == 1 ? "" : ", '" + origin + "'")
                + ")";
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static FluentConfiguration flyway(String url, String user, String folder) {
        return Flyway.configure()
                .dataSource(url, user, user == null ? null : "")
                .locations("classpath:db/migration/" + folder);
    }
}
