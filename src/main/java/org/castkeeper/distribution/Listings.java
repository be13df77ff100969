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
    /** Listing addresses that are not the show's page in their directory: each by its form field. */
    public static final class BadListing extends org.castkeeper.errors.Refusal {
        private final Map<String, String> problems;

        BadListing(Map<String, String> problems) {
            super(Kind.INVALID, problems.keySet().iterator().next(), String.join(" ", problems.values()));
            this.problems = Map.copyOf(problems);
        }

        @Override
        public Map<String, String> problems() {
            return problems;
        }
    }

    /** The form field of a directory's listing address on the distribution page. */
    public static String field(Directory directory) {
        return "listing-" + directory.code();
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

    /**
     * Saves every directory's listing address (a blank one removes it), all or nothing: each is checked first,
     * and one that is not the show's page in its directory refuses them all, every problem named by its field.
     */
    public void saveAll(Map<Directory, String> urls) throws BadListing {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        Map<Directory, String> clean = new java.util.EnumMap<>(Directory.class);
        for (Directory d : Directory.values()) {
            String url = urls.get(d);
            if (url == null || url.isBlank()) {
                clean.put(d, null);
                continue;
            }
            String problem = problem(d, url.strip());
            if (problem != null) {
                problems.put(field(d), problem);
            } else {
                clean.put(d, url.strip());
            }
        }
        if (!problems.isEmpty()) {
            throw new BadListing(problems);
        }
        long now = clock.millis();
        db.transaction(tx -> {
            for (Map.Entry<Directory, String> e : clean.entrySet()) {
                if (e.getValue() == null) {
                    tx.dsl()
                            .deleteFrom(DIRECTORY_LISTING)
                            .where(DIRECTORY_LISTING.SHOW_ID.eq(showId))
                            .and(DIRECTORY_LISTING.DIRECTORY.eq(e.getKey().code()))
                            .execute();
                } else {
                    tx.dsl()
                            .insertInto(
                                    DIRECTORY_LISTING,
                                    DIRECTORY_LISTING.SHOW_ID,
                                    DIRECTORY_LISTING.DIRECTORY,
                                    DIRECTORY_LISTING.LISTING_URL,
                                    DIRECTORY_LISTING.UPDATED_AT)
                            .values(showId, e.getKey().code(), e.getValue(), now)
                            .onConflict(DIRECTORY_LISTING.SHOW_ID, DIRECTORY_LISTING.DIRECTORY)
                            .doUpdate()
                            .set(DIRECTORY_LISTING.LISTING_URL, e.getValue())
                            .set(DIRECTORY_LISTING.UPDATED_AT, now)
                            .execute();
                }
            }
        });
    }

    /** Saves one directory's listing address, or removes it when {@code url} is blank. */
    public void save(Directory directory, String url) throws BadListing {
        Map<Directory, String> urls = new java.util.EnumMap<>(all());
        urls.put(directory, url);
        saveAll(urls);
    }

    /** What is wrong with {@code url} as {@code directory}'s listing, in the host's words; null when nothing. */
    private static String problem(Directory directory, String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return directory.title() + ": that is not a web address.";
        }
        if (!"https".equals(uri.getScheme())
                || uri.getHost() == null
                || !(uri.getHost().equals(directory.listingHost())
                        || uri.getHost().endsWith("." + directory.listingHost()))) {
            return directory.title() + ": paste the address of the show's page there, which starts with https://"
                    + directory.listingHost() + "/";
        }
        return null;
    }
}
