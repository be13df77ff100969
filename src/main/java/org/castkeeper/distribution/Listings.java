package org.castkeeper.distribution;

import static org.castkeeper.db.generated.Tables.DIRECTORY_LISTING;

import java.net.URI;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;

/** The listing URL each directory gave the host, stored in the catalogue database. */
public final class Listings {
    private final DSLContext db;
    private final int showId;
    private final Clock clock;

    public Listings(DSLContext db, int showId, Clock clock) {
        this.db = db;
        this.showId = showId;
        this.clock = clock;
    }

    /** A listing URL that cannot be saved; the message says why, for the host. */
    public static final class BadListing extends org.castkeeper.errors.Refusal {
        BadListing(String message) {
            super(Kind.INVALID, message);
        }
    }

    public Map<Directory, String> all() {
        Map<Directory, String> listings = new EnumMap<>(Directory.class);
        for (var row : db.select(DIRECTORY_LISTING.DIRECTORY, DIRECTORY_LISTING.LISTING_URL)
                .from(DIRECTORY_LISTING)
                .where(DIRECTORY_LISTING.SHOW_ID.eq(showId))
                .fetch()) {
            try {
                listings.put(Directory.valueOf(row.value1().toUpperCase(Locale.ROOT)), row.value2());
            } catch (IllegalArgumentException retired) {
                // A directory this version no longer knows: keep the row, show nothing.
            }
        }
        return listings;
    }

    /** Saves the listing URL, or removes it when {@code url} is blank. */
    public void save(Directory directory, String url) throws BadListing {
        if (url == null || url.isBlank()) {
            db.deleteFrom(DIRECTORY_LISTING)
                    .where(DIRECTORY_LISTING.SHOW_ID.eq(showId))
                    .and(DIRECTORY_LISTING.DIRECTORY.eq(directory.code()))
                    .execute();
            return;
        }
        String clean = url.strip();
        URI uri;
        try {
            uri = new URI(clean);
        } catch (Exception e) {
            throw new BadListing(directory.title() + ": that is not a web address.");
        }
        if (!"https".equals(uri.getScheme())
                || uri.getHost() == null
                || !(uri.getHost().equals(directory.listingHost())
                        || uri.getHost().endsWith("." + directory.listingHost()))) {
            throw new BadListing(
                    directory.title() + ": paste the address of the show's page, which starts with https://"
                            + directory.listingHost() + "/");
        }
        db.insertInto(
                        DIRECTORY_LISTING,
                        DIRECTORY_LISTING.SHOW_ID,
                        DIRECTORY_LISTING.DIRECTORY,
                        DIRECTORY_LISTING.LISTING_URL,
                        DIRECTORY_LISTING.UPDATED_AT)
                .values(showId, directory.code(), clean, clock.millis())
                .onConflict(DIRECTORY_LISTING.SHOW_ID, DIRECTORY_LISTING.DIRECTORY)
                .doUpdate()
                .set(DIRECTORY_LISTING.LISTING_URL, clean)
                .set(DIRECTORY_LISTING.UPDATED_AT, clock.millis())
                .execute();
    }
}
