package org.castkeeper.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.castkeeper.config.FeedExtras;
import org.castkeeper.config.ShowJson;
import org.castkeeper.config.ShowSettings;
import org.castkeeper.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V012 on catalogues made before it, in both databases: ai-content values the host typed become true or false, a
 * guid feed-config.yml gave is fixed, a made one is left for the next start to settle, and episodes gain their own
 * comment thread.
 */
class FeedToTheLetterMigrationIT {
    @TempDir
    Path dir;

    @Test
    void onSqlite() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("old.db");
        check(url, null, "sqlite");
    }

    @Test
    void onPostgresql() throws Exception {
        String schema = "ck_v012_" + UUID.randomUUID().toString().replace("-", "");
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
        flyway(url, user, folder).target("11").load().migrate();
        try (Connection c = DriverManager.getConnection(url, user, user == null ? null : "");
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO show (slug, created_at) VALUES ('typed', 1), ('given', 1)");
            insert(
                    s,
                    "typed",
                    "{\"title\":\"Typed\",\"txt\":[{\"purpose\":\"applepodcastsverify\",\"value\":\"none\"},"
                            + "{\"purpose\":\"ai-content\",\"value\":\"none\"}]}",
                    "{\"title\":\"Typed\"}");
            insert(
                    s,
                    "given",
                    "{\"title\":\"Given\",\"podcastGuid\":\"917393e3-1b1e-5cef-ace4-edaa54e1f810\","
                            + "\"txt\":[{\"purpose\":\"ai-content\",\"value\":\"maybe-some\"}]}",
                    "{\"title\":\"Given\",\"podcastGuid\":\"917393e3-1b1e-5cef-ace4-edaa54e1f810\"}");
        }

        flyway(url, user, folder).load().migrate();

        try (Connection c = DriverManager.getConnection(url, user, user == null ? null : "");
                Statement s = c.createStatement()) {
            ShowSettings typed = settings(s, "typed");
            assertThat(typed.txt())
                    .containsExactly(
                            new FeedExtras.Txt("applepodcastsverify", "none"),
                            new FeedExtras.Txt("ai-content", "false"));
            assertThat(rawTxt(s, "typed")).contains("\"false\"").doesNotContain("\"none\"}]");
            assertThat(rawTxt(s, "given")).contains("\"true\"").doesNotContain("maybe-some");
            assertThat(fixedAt(s, "typed")).isNull();
            assertThat(fixedAt(s, "given")).isEqualTo(5L);
            s.execute("UPDATE episode SET social_uri = 'https://social.example.org/@d/1' WHERE id = -1");
        }
    }

    private static FluentConfiguration flyway(String url, String user, String folder) {
        return Flyway.configure()
                .dataSource(url, user, user == null ? null : "")
                .locations("classpath:db/migration/" + folder);
    }

    private static void insert(Statement s, String slug, String settings, String seed) throws SQLException {
        s.execute("INSERT INTO show_settings (show_id, settings, seed, updated_at, updated_by) "
                + "SELECT id, '" + settings + "', '" + seed + "', 5, 'feed-config.yml' FROM show WHERE slug = '"
                + slug + "'");
    }

    private static ShowSettings settings(Statement s, String slug) throws SQLException {
        return ShowJson.read(rawTxt(s, slug));
    }

    private static String rawTxt(Statement s, String slug) throws SQLException {
        try (ResultSet r = s.executeQuery(
                "SELECT settings FROM show_settings JOIN show ON show.id = show_id " + "WHERE slug = '" + slug + "'")) {
            r.next();
            return r.getString(1);
        }
    }

    private static Long fixedAt(Statement s, String slug) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT podcast_guid_fixed_at FROM show_settings JOIN show ON show.id = "
                + "show_id WHERE slug = '" + slug + "'")) {
            r.next();
            long v = r.getLong(1);
            return r.wasNull() ? null : v;
        }
    }
}
