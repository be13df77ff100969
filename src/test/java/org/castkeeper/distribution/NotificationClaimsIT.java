package org.castkeeper.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.castkeeper.catalogue.ShowRepository;
import org.castkeeper.db.Database;
import org.castkeeper.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One announcement per episode going live, however many instances (here, threads) race for it, on both databases. */
class NotificationClaimsIT {
    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    Path dir;

    private Database open(String kind) {
        return kind.equals("sqlite") ? TestDatabases.sqlite(dir) : TestDatabases.postgres();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void exactlyOneOfManyClaimersWins(String kind) throws Exception {
        try (Database database = open(kind)) {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            int show = new ShowRepository(database.dsl(), clock).ensure("default");
            NotificationClaims claims = new NotificationClaims(database.dsl(), show, clock);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Boolean>> racers = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    racers.add(pool.submit(() -> claims.claim("guid-1", NOW)));
                }
                int won = 0;
                for (Future<Boolean> racer : racers) {
                    won += racer.get() ? 1 : 0;
                }
                assertThat(won).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(claims.claim("guid-1", NOW)).isFalse();
            // Published again at another time, or another episode: a claim of its own.
            assertThat(claims.claim("guid-1", NOW.plusSeconds(3600))).isTrue();
            assertThat(claims.claim("guid-2", NOW)).isTrue();
        }
    }
}
