package org.castkeeper.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The catalogue database: a connection pool, its migrations and a jOOQ context.
 *
 * <p>SQLite is opened in WAL mode (readers never wait for the writer), with a busy timeout, foreign keys on, and
 * IMMEDIATE transactions: a transaction that will write takes the write lock when it begins, instead of failing
 * with SQLITE_BUSY halfway when another writer got there first.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final SQLDialect dialect;
    private final DSLContext dsl;
    private final SqliteFile file;

    /**
     * Thrown before a write when the catalogue cannot take it durably: SQLite's file was moved, deleted or
     * replaced under the running server (the write would go to a file nobody will open again), or the database
     * does not answer. The host is told in these words; nothing is acknowledged.
     */
    public static final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }

    private Database(HikariDataSource pool, SQLDialect dialect, SqliteFile file) {
        this.pool = pool;
        this.dialect = dialect;
        this.file = file;
        // jOOQ's execute logging asks the logger about every statement even when it logs nothing. Castkeeper logs
        // what happens in its own words instead.
        org.jooq.conf.Settings settings =
                new org.jooq.conf.Settings().withExecuteLogging(false).withDiagnosticsLogging(false);
        org.jooq.Configuration configuration =
                new org.jooq.impl.DefaultConfiguration().set(pool).set(dialect).set(settings);
        if (file != null) {
            // Before every write, one stat: is the file we opened still the one at its path?
            configuration.set(new org.jooq.impl.DefaultExecuteListenerProvider(new org.jooq.ExecuteListener() {
                @Override
                public void executeStart(org.jooq.ExecuteContext ctx) {
                    if (ctx.type() != org.jooq.ExecuteType.READ) {
                        String problem = file.problem();
                        if (problem != null) {
                            throw new Unavailable(problem);
                        }
                    }
                }
            }));
        }
        this.dsl = DSL.using(configuration);
    }

    /**
     * The SQLite file the pool opened, known by its identity (device and inode) rather than its name: a file moved
     * away keeps working for the open connections while the path names another file, or none.
     */
    private record SqliteFile(Path path, Object identity) {
        static SqliteFile of(String jdbcUrl) {
            String name = jdbcUrl.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", "");
            if (name.isEmpty() || name.startsWith(":memory:") || name.startsWith("file:")) {
                return null;
            }
            Path path = Path.of(name).toAbsolutePath();
            Object identity = identity(path);
            return identity == null ? null : new SqliteFile(path, identity);
        }

        private static Object identity(Path path) {
            try {
                return Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class)
                        .fileKey();
            } catch (IOException e) {
                return null;
            }
        }

        /** Null while the file is in place; else what happened to it, in the host's words. */
        String problem() {
            Object now = identity(path);
            if (now == null) {
                return "The catalogue's database file " + path + " is gone (moved or deleted while the server"
                        + " runs). Nothing can be saved; put it back or restart Castkeeper.";
            }
            return now.equals(identity)
                    ? null
                    : "The catalogue's database file " + path + " was replaced while the server runs. Nothing"
                            + " can be saved; restart Castkeeper to open the new one.";
        }
    }

    /** Opens the database at {@code jdbcUrl} and brings its schema up to date. */
    public static Database open(String jdbcUrl, String user, String password) {
        SQLDialect dialect = dialectOf(jdbcUrl);
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(jdbcUrl);
        hikari.setPoolName("catalogue");
        // Fail within seconds when the database is away, rather than Hikari's 30: the feed and media keep being
        // served from memory meanwhile, and /health must answer before a load balancer gives up on it.
        hikari.setConnectionTimeout(5_000);
        if (dialect == SQLDialect.SQLITE) {
            createParentFolder(jdbcUrl);
            if (createFileOnce(jdbcUrl)) {
                // The pool's connections open the file that is there, never make one: a connection opened while
                // the file is moved away would otherwise make an empty catalogue at its path, and write to it.
                hikari.addDataSourceProperty("open_mode", Integer.toString(READ_WRITE_NO_CREATE));
            }
            hikari.addDataSourceProperty("journal_mode", "WAL");
            hikari.addDataSourceProperty("synchronous", "NORMAL");
            hikari.addDataSourceProperty("busy_timeout", "10000");
            hikari.addDataSourceProperty("foreign_keys", "true");
            hikari.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            hikari.setMaximumPoolSize(4);
        } else {
            hikari.setUsername(user);
            hikari.setPassword(password);
            hikari.setMaximumPoolSize(10);
        }
        HikariDataSource pool = new HikariDataSource(hikari);
        try {
            migrate(pool, dialect);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool, dialect, dialect == SQLDialect.SQLITE ? SqliteFile.of(jdbcUrl) : null);
    }

    /**
     * How many migrations an existing catalogue is waiting for: 0 for one that is up to date, and for a new one
     * (nothing to protect yet). Read without changing anything, so a snapshot can be taken before the upgrade.
     */
    public static int pendingUpgrades(String jdbcUrl, String user, String password) {
        SQLDialect dialect = dialectOf(jdbcUrl);
        if (dialect == SQLDialect.SQLITE) {
            String file = jdbcUrl.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", "");
            if (file.isEmpty() || file.startsWith(":memory:") || !Files.exists(Path.of(file))) {
                return 0;
            }
        }
        var info = Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .locations("classpath:db/migration/" + (dialect == SQLDialect.SQLITE ? "sqlite" : "postgresql"))
                .load()
                .info();
        return info.current() == null ? 0 : info.pending().length;
    }

    /** Flyway keeps one linear series of migrations per dialect: db/migration/sqlite and db/migration/postgresql. */
    private static void migrate(DataSource dataSource, SQLDialect dialect) {
        String folder = dialect == SQLDialect.SQLITE ? "sqlite" : "postgresql";
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + folder)
                .load()
                .migrate();
    }

    static SQLDialect dialectOf(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLDialect.SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return SQLDialect.POSTGRES;
        }
        throw new IllegalArgumentException("Castkeeper supports SQLite and PostgreSQL, not " + jdbcUrl);
    }

    /** SQLite's SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX: open an existing file for writing, make none. */
    private static final int READ_WRITE_NO_CREATE = 0x00000002 | 0x00010000;

    /** Makes the SQLite file if there is none yet; true when the URL names a file (not memory). */
    private static boolean createFileOnce(String jdbcUrl) {
        String file = jdbcUrl.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", "");
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return false;
        }
        if (!Files.exists(Path.of(file))) {
            try (java.sql.Connection first = java.sql.DriverManager.getConnection(jdbcUrl);
                    java.sql.Statement statement = first.createStatement()) {
                statement.execute("PRAGMA user_version");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot create the catalogue " + file + ": " + e.getMessage(), e);
            }
        }
        return true;
    }

    private static void createParentFolder(String jdbcUrl) {
        String file = jdbcUrl.substring("jdbc:sqlite:".length()).replaceFirst("\\?.*$", "");
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database folder " + parent, e);
        }
    }

    /** Null while the catalogue can take writes; else why not, in the host's words (for /health). */
    public String problem() {
        if (file != null) {
            String moved = file.problem();
            if (moved != null) {
                return moved;
            }
        }
        return isReachable() ? null : "The database does not answer.";
    }

    /** True when a connection can be had and answers within two seconds. */
    public boolean isReachable() {
        try (java.sql.Connection connection = pool.getConnection()) {
            return connection.isValid(2);
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    public DSLContext dsl() {
        return dsl;
    }

    public SQLDialect dialect() {
        return dialect;
    }

    @Override
    public void close() {
        pool.close();
    }
}
