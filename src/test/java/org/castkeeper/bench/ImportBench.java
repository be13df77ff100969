package org.castkeeper.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.castkeeper.Castkeeper;
import org.castkeeper.config.ConfigLoader;
import org.castkeeper.importing.FolderImport;
import org.castkeeper.importing.ImportResult;
import org.castkeeper.testing.TestShow;

/**
 * Benchmark for scripts/bench-import (not a test): imports N small tagged MP3s into a new show, as
 * `castkeeper import DIR [--publish]` does, and prints the rate for each thousand files, so a cost that grows
 * with the catalogue shows as a falling rate. With "server", the feed is built first, as a running server has it,
 * and the import rebuilds it as it goes.
 *
 * <p>Usage: ImportBench N OUTPUT_DIR publish|draft [server]. Prints "key=value" lines.
 */
public final class ImportBench {
    private ImportBench() {}

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("the fixture's title is not where it was");
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]).toAbsolutePath();
        boolean publish = args[2].equals("publish");
        boolean server = args.length > 3 && args[3].equals("server");
        Path recordings = Files.createDirectories(out.resolve("recordings"));
        // A real MP3 with an ID3v2.3 tag, each copy titled as its own episode: the tag's title is rewritten in
        // place (UTF-16, the same length), so every file has its own title, slug and audio hash.
        byte[] audio = Files.readAllBytes(Path.of("src/test/resources/mp3/cbr-id3v23.mp3"));
        int title = indexOf(audio, "Morning routine".getBytes(StandardCharsets.UTF_16LE));
        for (int i = 0; i < count; i++) {
            byte[] bytes = audio.clone();
            byte[] own = String.format("Episode %07d", i + 1).getBytes(StandardCharsets.UTF_16LE);
            System.arraycopy(own, 0, bytes, title, own.length);
            Files.write(recordings.resolve(String.format("episode-%05d.mp3", i)), bytes);
        }
        Path config = TestShow.create(Files.createDirectories(out.resolve("show")));
        try (Castkeeper app = Castkeeper.open(ConfigLoader.load(config, Map.of()), Clock.systemUTC())) {
            if (server) {
                app.feed().page(1).orElseThrow();
            }
            long[] started = {System.nanoTime(), System.nanoTime()};
            long begin = started[0];
            FolderImport.Summary summary = new FolderImport(app.importer())
                    .run(recordings, publish, new FolderImport.Listener() {
                        @Override
                        public void finished(int index, int total, ImportResult result) {
                            if (index % 1000 == 0 || index == total) {
                                long now = System.nanoTime();
                                int files = index % 1000 == 0 ? 1000 : index % 1000;
                                System.out.printf(
                                        "files_%05d_per_second=%.0f%n", index, files / ((now - started[1]) / 1e9));
                                started[1] = now;
                            }
                        }
                    });
            double seconds = (System.nanoTime() - begin) / 1e9;
            System.out.printf("imported=%d%n", summary.imported());
            System.out.printf("rejected=%d%n", summary.rejected());
            System.out.printf("seconds=%.1f%n", seconds);
            System.out.printf("files_per_second=%.0f%n", summary.total() / seconds);
            System.out.printf(
                    "feed_rebuilds=%d%nitems_written=%d%n",
                    app.feed().work().rebuilds(), app.feed().work().itemsWritten());
        }
    }
}
