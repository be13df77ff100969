package org.castkeeper.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.castkeeper.db.Database;

/**
 * Real databases for tests: a SQLite file in a temporary folder, or a fresh schema in the local PostgreSQL
 * (127.0.0.1:5432, database "test", user "postgres", as this machine kind and CI provide it).
 */
public final class TestDatabases {
    public static final String POSTGRES_URL =
            System.getProperty("castkeeper.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = "postgres";

    private TestDatabases() {}

    public static Database sqlite(Path dir) {
        return Database.open("jdbc:sqlite:" + dir.resolve("catalogue.db"), null, null);
    }

    /** A database in a schema of its own, dropped again on close, so tests never see each other's rows. */
    public static Database postgres() {
        String schema = "ck_test_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
        Database db = Database.open(POSTGRES_URL + "?currentSchema=" + schema, POSTGRES_USER, "");
        return new DroppingDatabase(db, schema).database();
    }

    /** A new, empty schema in the local PostgreSQL, named {@code prefix} and a random part; drop it when done. */
    public static String createSchema(String prefix) {
        String schema = prefix + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
        return schema;
    }

    public static void dropSchema(String schema) {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private record DroppingDatabase(Database database, String schema) {
        DroppingDatabase {
            String s = schema;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("DROP SCHEMA IF EXISTS " + s + " CASCADE")));
        }
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL at " + POSTGRES_URL + " is needed for this test: " + e.getMessage(), e);
        }
    }
}
