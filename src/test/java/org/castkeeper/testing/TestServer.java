package org.castkeeper.testing;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.castkeeper.Castkeeper;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.config.AppConfig;
import org.castkeeper.config.ConfigLoader;
import org.castkeeper.importing.ImportResult;
import org.castkeeper.web.WebServer;

/**
 * The real application on a random port over a real SQLite file in a temporary folder, with a clock the test
 * controls. Close it at the end of the test.
 */
public final class TestServer implements AutoCloseable {
    public static final Instant START = Instant.parse("2026-11-23T09:00:00Z");

    private final Castkeeper app;
    private final Javalin web;
    private final MutableClock clock;
    private final Path dir;
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private TestServer(Castkeeper app, Javalin web, MutableClock clock, Path dir) {
        this.app = app;
        this.web = web;
        this.clock = clock;
        this.dir = dir;
    }

    /** @param extraConfig YAML appended to the show section of a valid config, e.g. "  medium: podcast\n" */
    public static TestServer start(Path dir, String extraConfig) throws Exception {
        Path config = TestShow.create(dir);
        if (!extraConfig.isEmpty()) {
            String text = Files.readString(config);
            int server = text.indexOf("server:");
            Files.writeString(config, text.substring(0, server) + extraConfig + text.substring(server));
        }
        // The test clock starts at START; the config file must not look newer than everything that happens.
        Files.setLastModifiedTime(
                config, java.nio.file.attribute.FileTime.from(START.minus(java.time.Duration.ofDays(30))));
        return start(ConfigLoader.load(config, Map.of()), dir);
    }

    /** @param topLevelConfig YAML appended at the end of the config, e.g. "feed:\n  itemLimit: 2\n" */
    public static TestServer startWithFeedSettings(Path dir, String topLevelConfig) throws Exception {
        return startEditing(dir, yaml -> yaml + topLevelConfig);
    }

    /** Starts on the standard test config as changed by {@code edit}. */
    public static TestServer startEditing(Path dir, java.util.function.UnaryOperator<String> edit) throws Exception {
        Path config = TestShow.create(dir);
        Files.writeString(config, edit.apply(Files.readString(config)));
        Files.setLastModifiedTime(
                config, java.nio.file.attribute.FileTime.from(START.minus(java.time.Duration.ofDays(30))));
        return start(ConfigLoader.load(config, Map.of()), dir);
    }

    public static TestServer start(AppConfig config, Path dir) throws Exception {
        return start(config, dir, START);
    }

    /** Starts on {@code config} with the clock at {@code now}: a restart later in the test's time. */
    public static TestServer start(AppConfig config, Path dir, Instant now) throws Exception {
        MutableClock clock = new MutableClock(now);
        Castkeeper app = Castkeeper.open(config, clock);
        Javalin web = WebServer.create(app, java.time.Duration.ZERO)
                .start("127.0.0.1", config.server().port());
        app.lifecycle().goLiveTimer().start();
        return new TestServer(app, web, clock, dir);
    }

    public Castkeeper app() {
        return app;
    }

    public MutableClock clock() {
        return clock;
    }

    public Path dir() {
        return dir;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + web.port() + path;
    }

    /** Copies a fixture into the episodes folder and imports it, published at {@code publishAt} (null: draft). */
    public Episode publish(String fixture, String title, Instant publishAt) throws IOException {
        return publishFile(Fixtures.mp3(fixture), title, publishAt);
    }

    /** Copies {@code file} into the episodes folder and imports it, published at {@code publishAt} (null: draft). */
    public Episode publishFile(Path file, String title, Instant publishAt) throws IOException {
        Path target = app.config().episodesDir().resolve(title.replaceAll("[^A-Za-z0-9]+", "-") + ".mp3");
        // A few bytes after the last frame (players skip them) give each copy a content hash of its own.
        Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.write(
                target,
                title.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.file.StandardOpenOption.APPEND);
        ImportResult result = app.importer().importFile(target, false, n -> {});
        Episode e = result.episode();
        if (e == null) {
            throw new IllegalStateException("fixture not imported: " + result.reason());
        }
        String slug = title.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        Episode edited = e.edit().title(title).slug(slug).build();
        if (publishAt != null) {
            edited = edited.edit()
                    .state(org.castkeeper.catalogue.EpisodeState.PUBLISHED)
                    .publishAt(publishAt)
                    .build();
        }
        return app.episodes().update(edited);
    }

    public HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return send("GET", path, headers);
    }

    public HttpResponse<byte[]> head(String path, String... headers) throws Exception {
        return send("HEAD", path, headers);
    }

    public HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url(path))).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        web.stop();
        app.close();
    }
}
