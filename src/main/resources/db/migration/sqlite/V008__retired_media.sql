-- Files an episode no longer uses (its audio, artwork or transcript was replaced). Each is moved from the media
-- store to data/retired/ and deleted there after storage.retainDays; its URL answers 301 to the episode's new
-- file meanwhile, and 410 Gone for ever after. Rows are never deleted: a retired URL never serves anything else.
CREATE TABLE retired_media (
    show_id    INTEGER NOT NULL REFERENCES show (id),
    path       TEXT    NOT NULL,
    episode_id INTEGER NOT NULL,
    -- 'audio', 'artwork' or 'transcript': which of the episode's files took its place.
    kind       TEXT    NOT NULL CHECK (kind IN ('audio', 'artwork', 'transcript')),
    retired_at BIGINT  NOT NULL,
    PRIMARY KEY (show_id, path)
);
