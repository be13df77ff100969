package org.castkeeper.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.castkeeper.testing.Eventually.assertThatEventually;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.config.ConfigLoader;
import org.castkeeper.testing.AdminClient;
import org.castkeeper.testing.TcpProxy;
import org.castkeeper.testing.TestDatabases;
import org.castkeeper.testing.TestServer;
import org.castkeeper.testing.TestShow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL out of reach (a proxy in front of the real server is cut): the feed, the media and the public pages
 * keep answering from what they last had, an admin save is refused with 503 in plain words, and everything works
 * again by itself once the database is back.
 */
class PostgresAwayIT {
    @TempDir
    Path dir;

    @Test
    void thePublicPathKeepsAnsweringSavesAre503AndEverythingRecovers() throws Exception {
        String schema = "ck_away_" + UUID.randomUUID().toString().replace("-", "");
        try (var c = DriverManager.getConnection(TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER, "");
                var s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        java.net.URI real = java.net.URI.create(TestDatabases.POSTGRES_URL.substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(real.getHost(), real.getPort() < 0 ? 5432 : real.getPort())) {
            String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + real.getPath() + "?currentSchema=" + schema;
            Path show = dir.resolve("show");
            Path config = TestShow.create(show, url);
            Files.writeString(config, Files.readString(config) + "  user: postgres\n");
            try (TestServer server = TestServer.start(ConfigLoader.load(config, Map.of()), show)) {
                AdminClient host = new AdminClient(server).signedIn();
                Episode e = server.publish("untagged.mp3", "On Postgres", TestServer.START.minus(Duration.ofDays(1)));
                assertThat(server.get("/").statusCode()).isEqualTo(200);
                assertThat(server.get("/episodes/" + e.slug()).statusCode()).isEqualTo(200);

                proxy.cut();
                assertThat(server.get("/feed.xml").statusCode()).isEqualTo(200);
                assertThat(server.get("/media/" + e.audio().path()).statusCode())
                        .isEqualTo(200);
                HttpResponse<byte[]> home = server.get("/");
                assertThat(home.statusCode()).isEqualTo(200);
                assertThat(new String(home.body())).contains("On Postgres");
                assertThat(server.get("/episodes/" + e.slug()).statusCode()).isEqualTo(200);
                HttpResponse<String> save =
                        host.postForm("/admin/episodes/" + e.id(), Map.of("title", "Saved while away?"));
                assertThat(save.statusCode()).isEqualTo(503);
                assertThat(save.body()).contains("does not answer").contains("nothing was saved");
                assertThat(server.get("/health").statusCode()).isEqualTo(503);

                proxy.restore();
                assertThatEventually(() -> assertThat(
                                host.postForm("/admin/episodes/" + e.id(), Map.of("title", "Saved when back"))
                                        .statusCode())
                        .isEqualTo(303));
                assertThat(server.get("/health").statusCode()).isEqualTo(200);
            }
        } finally {
            try (var c = DriverManager.getConnection(TestDatabases.POSTGRES_URL, TestDatabases.POSTGRES_USER, "");
                    var s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
