-- Where the show is listed: the URL each directory gave the host after accepting the feed.
-- PostgreSQL flavour; sqlite/V004__directory_listings.sql describes the same table.

CREATE TABLE directory_listing (
    show_id     INTEGER NOT NULL REFERENCES show (id),
    directory   TEXT    NOT NULL,
    listing_url TEXT    NOT NULL,
    updated_at  BIGINT  NOT NULL,
    PRIMARY KEY (show_id, directory)
);
