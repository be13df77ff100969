package org.castkeeper.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.castkeeper.db.Database;
import org.castkeeper.testing.Episodes;
import org.castkeeper.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpisodeRepositorySqliteIT extends EpisodeRepositoryContract {
    @TempDir
    Path dir;

    @Override
    Database openDatabase() {
        return TestDatabases.sqlite(dir);
    }

    @Test
    void theFileIsInWalModeWithForeignKeysAndABusyTimeout() {
        assertThat(database.dsl().fetchValue("PRAGMA journal_mode")).isEqualTo("wal");
        assertThat(database.dsl().fetchValue("PRAGMA foreign_keys")).hasToString("1");
        assertThat(database.dsl().fetchValue("PRAGMA busy_timeout")).hasToString("10000");
        assertThat(dir.resolve("catalogue.db")).isRegularFile();
    }

    @Test
    void concurrentWritersNeverFailWithSqliteBusy() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Episode>> done = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String title = "Concurrent " + i;
                done.add(pool.submit(() -> {
                    Episode e = episodes.create(Episodes.draft(title));
                    return episodes.update(e.withTitle(title + " (edited)"));
                }));
            }
            for (Future<Episode> f : done) {
                assertThat(f.get().title()).endsWith("(edited)");
            }
        } finally {
            pool.shutdown();
        }
        assertThat(episodes.count()).isEqualTo(200);
    }

    @Test
    void reopeningTheFileKeepsEverythingAndMigratesNothingTwice() {
        Episode e = episodes.create(Episodes.draft("Persisted"));
        database.close();
        database = TestDatabases.sqlite(dir);
        int show = new ShowRepository(database.dsl(), java.time.Clock.systemUTC()).ensure("default");
        EpisodeRepository reopened = new EpisodeRepository(database.dsl(), show, java.time.Clock.systemUTC());
        assertThat(reopened.findByGuid(e.guid())).contains(e);
    }
}
