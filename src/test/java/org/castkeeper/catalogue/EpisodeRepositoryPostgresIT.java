package org.castkeeper.catalogue;

import org.castkeeper.db.Database;
import org.castkeeper.testing.TestDatabases;

/** The same contract on the local PostgreSQL, in a schema of its own per test. */
class EpisodeRepositoryPostgresIT extends EpisodeRepositoryContract {
    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }
}
