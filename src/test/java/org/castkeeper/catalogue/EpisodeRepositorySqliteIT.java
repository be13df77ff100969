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

    /**
     * Before every rebuild a save reads the change stamp and the episodes changed since the last snapshot. Those
     * reads must go through indexes (V018): read row by row, they cost a few milliseconds per save at 10,000
     * episodes, whatever the edit. SQLite's own query plan says which rows each query touches: the episode table
     * may be read only by id, everything else from covering indexes.
     */
    @Test
    void whatASaveReadsBeforeTheRebuildIsFoundThroughIndexes() {
        for (int i = 0; i < 40; i++) {
            episodes.create(Episodes.draft("Indexed " + i));
        }
        Episode edited =
                episodes.update(episodes.page(null, 0, 1).episodes().get(0).withTitle("Edited"));
        List<String> queries = new ArrayList<>();
        org.jooq.DSLContext watched = database.dsl()
                .configuration()
                .derive(new org.jooq.impl.DefaultExecuteListenerProvider(new org.jooq.ExecuteListener() {
                    @Override
                    public void executeStart(org.jooq.ExecuteContext ctx) {
                        queries.add(ctx.dsl().renderInlined(ctx.query()));
                    }
                }))
                .dsl();
        int show = new ShowRepository(database.dsl(), java.time.Clock.systemUTC()).ensure("default");
        EpisodeRepository watchedEpisodes = new EpisodeRepository(watched, show, java.time.Clock.systemUTC());

        ChangeStamp stamp = watchedEpisodes.changeStamp();
        assertThat(stamp.episodes()).isEqualTo(40);
        assertThat(watchedEpisodes.changedSince(stamp.lastEditMillis(), stamp.maxId()))
                .extracting(Episode::id)
                .contains(edited.id());

        List<String> episodeReads = new ArrayList<>();
        for (String query : queries) {
            for (String line :
                    database.dsl().fetch("EXPLAIN QUERY PLAN " + query).getValues("detail", String.class)) {
                if (line.matches("(SCAN|SEARCH) episode\\b.*")) {
                    episodeReads.add(line + "  <- " + query);
                }
            }
        }
        assertThat(episodeReads)
                .hasSizeGreaterThanOrEqualTo(4)
                .allMatch(line -> line.contains("COVERING INDEX")
                        || line.contains("INTEGER PRIMARY KEY (rowid=?)")
                        || line.contains(" id=?"));
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
