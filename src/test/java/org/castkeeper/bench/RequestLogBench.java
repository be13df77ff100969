package org.castkeeper.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.castkeeper.analytics.RequestLog;
import org.castkeeper.db.Database;
import org.castkeeper.media.MediaRequests;

/**
 * How fast the analytics writer records: a batch of 100,000 served requests (the queue's size) written to a
 * SQLite catalogue, the cost every media request adds off the hot path. A benchmark, not a test.
 *
 * <p>Usage: RequestLogBench OUTPUT_DIR
 */
public final class RequestLogBench {
    private RequestLogBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("catalogue.db"), null, null)) {
            for (int round = 0; round < 5; round++) {
                try (RequestLog log = new RequestLog(db.dsl(), Clock.systemUTC(), 100_000, Duration.ofHours(1))) {
                    Instant now = Instant.now();
                    for (int i = 0; i < 100_000; i++) {
                        log.served(new MediaRequests.Served(
                                1, now, "127.0.0." + (i % 200), "wrk/4.2", null, 0, 1, false, 206, 8_388_608));
                    }
                    long start = System.nanoTime();
                    log.write();
                    System.out.printf("100,000 records written in %.0f ms%n", (System.nanoTime() - start) / 1e6);
                }
            }
        }
    }
}
