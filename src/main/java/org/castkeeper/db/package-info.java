/**
 * Opening the catalogue database (SQLite by default, PostgreSQL for several instances), migrating it with Flyway,
 * and handing out a jOOQ {@link org.jooq.DSLContext}. The generated table classes live in
 * {@code org.castkeeper.db.generated}; only the classes that own a table's reads and writes use them (the
 * catalogue's repositories, and the stores of {@code auth}, {@code analytics} and {@code distribution}).
 */
package org.castkeeper.db;
