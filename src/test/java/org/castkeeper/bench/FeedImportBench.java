package org.castkeeper.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.castkeeper.Castkeeper;
import org.castkeeper.config.ConfigLoader;
import org.castkeeper.feed.FeedCache;
import org.castkeeper.feedimport.FeedImport;
import org.castkeeper.testing.FixtureHost;
import org.castkeeper.testing.TestShow;

/**
 * Benchmark for scripts/bench-feed-import (not a test): moves in a show whose old feed has N items of small MP3s,
 * served by another host on 127.0.0.1 in pages of 500 (RFC 5005), into a running server's catalogue (its feed is
 * built first, as a server has it), and prints the time, the rate and how often the feed was rebuilt.
 *
 * <p>Usage: FeedImportBench N OUTPUT_DIR. Prints "key=value" lines.
 */
public final class FeedImportBench {
    private static final int PAGE = 500;

    private FeedImportBench() {}

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]).toAbsolutePath();
        byte[] audio = Files.readAllBytes(Path.of("src/test/resources/mp3/untagged.mp3"));
        try (FixtureHost oldHost = new FixtureHost()) {
            int pages = (count + PAGE - 1) / PAGE;
            for (int p = 0; p < pages; p++) {
                StringBuilder items = new StringBuilder();
                for (int i = p * PAGE; i < Math.min(count, (p + 1) * PAGE); i++) {
                    byte[] tail = ("take " + i).getBytes(StandardCharsets.UTF_8);
                    byte[] bytes = Arrays.copyOf(audio, audio.length + tail.length);
                    System.arraycopy(tail, 0, bytes, audio.length, tail.length);
                    oldHost.file("/media/" + i + ".mp3", bytes, "audio/mpeg");
                    items.append("<item><title>Episode ")
                            .append(i)
                            .append("</title><guid isPermaLink=\"false\">old-")
                            .append(i)
                            .append("</guid><pubDate>")
                            .append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                    Instant.parse("2010-01-01T08:00:00Z")
                                            .plus(Duration.ofDays(i))
                                            .atOffset(java.time.ZoneOffset.UTC)))
                            .append("</pubDate><description>Notes of episode ")
                            .append(i)
                            .append("</description><enclosure url=\"")
                            .append(oldHost.url("/media/" + i + ".mp3"))
                            .append("\" length=\"")
                            .append(bytes.length)
                            .append("\" type=\"audio/mpeg\"/></item>\n");
                }
                String next = p + 1 < pages
                        ? "<atom:link rel=\"next\" href=\"" + oldHost.url("/feed-" + (p + 1) + ".xml") + "\"/>"
                        : "";
                String feed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\""
                        + " xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><title>Old show</title>"
                        + "<description>A show moving in</description>" + next + items + "</channel></rss>";
                oldHost.file("/feed-" + p + ".xml", feed.getBytes(StandardCharsets.UTF_8), "application/rss+xml");
            }
            Path config = TestShow.create(Files.createDirectories(out.resolve("show")));
            try (Castkeeper app = Castkeeper.open(ConfigLoader.load(config, Map.of()), Clock.systemUTC())) {
                app.feed().page(1).orElseThrow(); // as a running server has it
                FeedCache.Work before = app.feed().work();
                long start = System.nanoTime();
                FeedImport.Summary summary = app.feedImport(FeedImport.Settings.defaults())
                        .run(
                                oldHost.url("/feed-0.xml"),
                                new FeedImport.Options(false, false, "bench"),
                                new FeedImport.Listener() {});
                double seconds = (System.nanoTime() - start) / 1e9;
                app.feed().page(1).orElseThrow();
                FeedCache.Work after = app.feed().work();
                System.out.printf(
                        "items=%d%npages=%d%nimported=%d%nskipped=%d%n",
                        count,
                        summary.pages(),
                        summary.imported(),
                        summary.skipped().size());
                System.out.printf("seconds=%.1f%nitems_per_second=%.0f%n", seconds, summary.imported() / seconds);
                System.out.printf(
                        "feed_rebuilds=%d%nitems_written=%d%n",
                        after.rebuilds() - before.rebuilds(), after.itemsWritten() - before.itemsWritten());
            }
        }
    }
}
