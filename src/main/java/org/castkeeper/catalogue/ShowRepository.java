package org.castkeeper.catalogue;

import static org.castkeeper.db.generated.Tables.SHOW;

import java.time.Clock;
import org.jooq.DSLContext;

/**
 * Shows in the catalogue. Today an instance serves one show, named "default"; the table exists so that several
 * shows per instance is a new row, not a new schema.
 */
public final class ShowRepository {
    public static final String DEFAULT_SHOW = "default";

    private final DSLContext db;
    private final Clock clock;

    public ShowRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The id of the show with this slug, creating it the first time. Safe when two instances start at once. */
    public int ensure(String slug) {
        db.insertInto(SHOW, SHOW.SLUG, SHOW.CREATED_AT)
                .values(slug, clock.millis())
                .onConflict(SHOW.SLUG)
                .doNothing()
                .execute();
        return db.select(SHOW.ID).from(SHOW).where(SHOW.SLUG.eq(slug)).fetchSingle(SHOW.ID);
    }
}
