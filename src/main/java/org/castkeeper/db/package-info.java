/**
 * Opening the catalogue database (SQLite by default, PostgreSQL for several instances), migrating it with Flyway,
 * and handing out a jOOQ {@link org.jooq.DSLContext}. The generated table classes live in
 * {@code org.castkeeper.db.generated}; only repositories use them.
 */
package org.castkeeper.db;
