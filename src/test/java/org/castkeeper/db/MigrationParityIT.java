package org.castkeeper.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.castkeeper.testing.TestDatabases;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite and PostgreSQL migration series must build the same tables with the same columns, nullability and
 * (broadly) types: the jOOQ classes are generated from the SQLite series and used against both.
 */
class MigrationParityIT {
    @TempDir
    Path dir;

    @Test
    void bothSeriesBuildTheSameSchema() {
        try (Database sqlite = TestDatabases.sqlite(dir);
                Database postgres = TestDatabases.postgres()) {
            Map<String, String> fromSqlite = describe(sqlite);
            Map<String, String> fromPostgres = describe(postgres);
            assertThat(fromSqlite).isNotEmpty().containsKeys("episode.guid", "chapter.start_ms", "show.slug");
            assertThat(fromPostgres).isEqualTo(fromSqlite);
        }
    }

    /** "table.column" to "type, null/not null" for every catalogue table. */
    private static Map<String, String> describe(Database db) {
        Map<String, String> columns = new TreeMap<>();
        for (Table<?> table : db.dsl().meta().getTables()) {
            String name = table.getName().toLowerCase();
            if (name.startsWith("flyway_") || name.startsWith("sqlite_") || !isOurs(table, db)) {
                continue;
            }
            columns.putAll(java.util.Arrays.stream(table.fields())
                    .collect(Collectors.toMap(
                            f -> name + "." + f.getName().toLowerCase(),
                            f -> family(f.getDataType().getSQLDataType().getTypeName())
                                    + (f.getDataType().nullable() ? " null" : " not null"))));
        }
        return columns;
    }

    private static boolean isOurs(Table<?> table, Database db) {
        if (db.dialect() == org.jooq.SQLDialect.SQLITE) {
            return true;
        }
        String schema = table.getSchema() == null ? "" : table.getSchema().getName();
        return schema.startsWith("ck_test_");
    }

    /** SQLite and PostgreSQL spell the same types differently; compare the family. */
    private static String family(String type) {
        String t = type.toLowerCase();
        if (t.contains("int") || t.contains("serial")) {
            return t.contains("big") ? "bigint" : "integer";
        }
        if (t.contains("char") || t.contains("text") || t.contains("clob")) {
            return "text";
        }
        if (t.contains("bool") || t.equals("bit")) {
            return "boolean";
        }
        return t;
    }
}
