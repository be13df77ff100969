package org.castkeeper.bench;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.castkeeper.Castkeeper;
import org.castkeeper.catalogue.ChangeStamp;
import org.castkeeper.catalogue.EpisodeAudio;
import org.castkeeper.catalogue.EpisodeState;
import org.castkeeper.catalogue.NewEpisode;
import org.castkeeper.catalogue.Publication;
import org.castkeeper.config.ConfigLoader;
import org.castkeeper.feed.CachedFeed;
import org.castkeeper.feed.FeedBuilder;
import org.castkeeper.feed.FeedPage;
import org.castkeeper.feed.FeedWriter;

/**
 * Prepares one benchmark run for scripts/bench-feed (a benchmark, not a test): a show folder with N published
 * episodes and an 8 MB media file, the rebuild time of the feed, and an nginx document root holding the very same
 * bytes Castkeeper serves.
 *
 * <p>Usage: FeedBench N OUTPUT_DIR PORT. Prints "key=value" lines for the script.
 */
public final class FeedBench {
    private static final String BENCH_USER = "bench";
    private static final String BENCH_PASSWORD = "bench-password-only";

    private FeedBench() {}

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]).toAbsolutePath();
        int port = Integer.parseInt(args[2]);
        Path show = Files.createDirectories(out.resolve("show"));
        Files.createDirectories(show.resolve("episodes/artwork"));
        Files.copy(
                Path.of("episodes/artwork/show.jpg"),
                show.resolve("episodes/artwork/show.jpg"),
                StandardCopyOption.REPLACE_EXISTING);
        // Straight into the media store, where Castkeeper serves episodes from (the drop folder is only read).
        Path media = Files.createDirectories(show.resolve("data/media")).resolve("bench.mp3");
        byte[] block = new byte[1 << 20];
        new Random(1).nextBytes(block);
        try (OutputStream o = Files.newOutputStream(media)) {
            for (int i = 0; i < 8; i++) {
                o.write(block);
            }
        }
        Path config = show.resolve("feed-config.yml");
        Files.writeString(
                config,
                Files.readString(Path.of("feed-config.yml"))
                        .replace("port: 8080", "port: " + port)
                        .replace("publicUrl: http://localhost:8080", "publicUrl: http://127.0.0.1:" + port));

        try (Castkeeper app = Castkeeper.open(ConfigLoader.load(config, Map.of()), Clock.systemUTC())) {
            long seedStart = System.nanoTime();
            if (app.episodes().count() == 0) {
                Instant first = Instant.parse("2006-01-02T07:00:00Z");
                for (int i = 0; i < count; i++) {
                    app.episodes()
                            .create(new NewEpisode(
                                    "Episode " + (i + 1) + ": sleep, stress & faith",
                                    "<p>Show notes for episode " + (i + 1)
                                            + ", with a <a href=\"https://example.org\">link"
                                            + "</a> and a list:</p><ul><li>one</li><li>two</li></ul>",
                                    EpisodeState.PUBLISHED,
                                    first.plus(Duration.ofDays(i)),
                                    new EpisodeAudio(
                                            "bench.mp3",
                                            Files.size(media),
                                            "audio/mpeg",
                                            String.format("%064x", i),
                                            1800 + i % 1800,
                                            128,
                                            false,
                                            44100,
                                            2),
                                    "Dominion",
                                    null,
                                    null,
                                    List.of()));
                }
            }
            System.out.printf("seed_seconds=%.1f%n", (System.nanoTime() - seedStart) / 1e9);
            // A host account, for the run that saves an episode while podcatchers poll.
            if (!app.accounts().anyUser()) {
                app.accounts().create(BENCH_USER, BENCH_PASSWORD);
            }
            System.out.println("admin_user=" + BENCH_USER);
            System.out.println("admin_password=" + BENCH_PASSWORD);

            // (b) The whole first page from nothing, as at a start: what is published read, every item written,
            // then joined. First, before anything else reads the show (which builds the feed).
            long coldStart = System.nanoTime();
            CachedFeed cached = app.feed().page(1).orElseThrow();
            System.out.printf("rebuild_cold_ms=%.0f%n", (System.nanoTime() - coldStart) / 1e6);

            // (a) The old way, for comparison: load what is published, build the whole Rome channel, write and gzip it.
            FeedBuilder builder = new FeedBuilder(app.urls());
            FeedWriter writer = new FeedWriter();
            List<Double> load = new ArrayList<>();
            List<Double> write = new ArrayList<>();
            byte[] xml = null;
            for (int run = 0; run < 7; run++) {
                long t0 = System.nanoTime();
                List<org.castkeeper.catalogue.Episode> live = app.episodes().live(Instant.now());
                Publication p = new Publication(
                        app.show(), live, Instant.now(), Instant.ofEpochMilli(Long.MAX_VALUE), ChangeStamp.NONE);
                long t1 = System.nanoTime();
                xml = writer.write(builder.build(p, FeedPage.of(live, null, 1)));
                java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(OutputStream.nullOutputStream());
                gz.write(xml);
                gz.close();
                long t2 = System.nanoTime();
                if (run >= 2) { // the first runs warm the JIT
                    load.add((t1 - t0) / 1e6);
                    write.add((t2 - t1) / 1e6);
                }
            }
            System.out.printf("rebuild_load_ms=%.0f%n", median(load));
            System.out.printf("rebuild_write_ms=%.0f%n", median(write));
            System.out.printf("feed_bytes=%d%n", xml.length);

            // (c) One edit, as the host saves a title: the write, the publication patched, the one item written
            // again and the page joined, gzip and validators included (the save answers after all of it).
            List<Double> edits = new ArrayList<>();
            org.castkeeper.catalogue.Episode edited =
                    app.episodes().live(Instant.now()).get(count / 2);
            // A server has saved many times before the host's next save: the first 40 saves warm the JIT (with
            // only a few, the median measured the interpreter and moved by half from run to run).
            for (int run = 0; run < 61; run++) {
                long t0 = System.nanoTime();
                edited = app.episodes().update(edited.withTitle("Episode edited, take " + run));
                double ms = (System.nanoTime() - t0) / 1e6;
                if (run >= 40) {
                    edits.add(ms);
                }
            }
            System.out.printf("rebuild_edit_ms=%.1f%n", median(edits));
            System.out.printf("edit_items_written=%d%n", app.feed().work().itemsWritten());
            cached = app.feed().page(1).orElseThrow();

            // The bytes the server will serve, for nginx to serve as static files.
            Path root = Files.createDirectories(out.resolve("nginx-root"));
            Files.write(root.resolve("feed.xml"), cached.xml());
            Files.write(root.resolve("feed.xml.gz"), cached.gzip());
            Files.createDirectories(root.resolve("media"));
            Files.copy(media, root.resolve("media/bench.mp3"), StandardCopyOption.REPLACE_EXISTING);
            System.out.printf("gzip_bytes=%d%n", cached.gzip().length);
            System.out.println("config=" + config);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
