-- The catalogue: shows, their episodes and the episodes' chapters.
-- SQLite flavour. postgresql/V001__catalogue.sql must describe the same tables and columns;
-- MigrationParityIT checks that they do.
--
-- Times are epoch milliseconds (BIGINT) so that both databases store and compare them the same way.

CREATE TABLE show (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    slug       TEXT    NOT NULL UNIQUE,
    created_at BIGINT  NOT NULL
);

CREATE TABLE episode (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    show_id          INTEGER NOT NULL REFERENCES show (id),
    -- Generated once, never changed: podcatchers identify the episode by it forever.
    guid             TEXT    NOT NULL UNIQUE,
    slug             TEXT    NOT NULL,
    title            TEXT    NOT NULL,
    -- HTML show notes.
    description      TEXT    NOT NULL DEFAULT '',
    state            TEXT    NOT NULL DEFAULT 'draft'
                     CHECK (state IN ('draft', 'scheduled', 'published', 'unpublished')),
    publish_at       BIGINT,
    season           INTEGER,
    episode_number   INTEGER,
    episode_type     TEXT    NOT NULL DEFAULT 'full' CHECK (episode_type IN ('full', 'trailer', 'bonus')),
    -- NULL means "as the show says".
    explicit         BOOLEAN,
    duration_seconds INTEGER NOT NULL,
    -- Relative to the media folder.
    audio_path       TEXT    NOT NULL,
    size_bytes       BIGINT  NOT NULL,
    mime_type        TEXT    NOT NULL,
    sha256           TEXT    NOT NULL,
    bitrate_kbps     INTEGER NOT NULL,
    variable_bitrate BOOLEAN NOT NULL DEFAULT FALSE,
    sample_rate      INTEGER NOT NULL,
    channels         INTEGER NOT NULL,
    artist           TEXT,
    album            TEXT,
    artwork_path     TEXT,
    transcript_path  TEXT,
    transcript_type  TEXT,
    created_at       BIGINT  NOT NULL,
    updated_at       BIGINT  NOT NULL,
    UNIQUE (show_id, slug),
    -- The same audio is never catalogued twice: this is what makes imports idempotent.
    UNIQUE (show_id, sha256)
);

CREATE INDEX episode_by_state_and_time ON episode (show_id, state, publish_at);

CREATE TABLE chapter (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    episode_id INTEGER NOT NULL REFERENCES episode (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    start_ms   BIGINT  NOT NULL,
    end_ms     BIGINT,
    title      TEXT    NOT NULL,
    url        TEXT,
    UNIQUE (episode_id, position)
);

-- The guid is forever: not even a bug in Castkeeper itself can change a published episode's identity.
CREATE TRIGGER episode_guid_never_changes
BEFORE UPDATE OF guid ON episode
WHEN NEW.guid IS NOT OLD.guid
BEGIN
    SELECT RAISE(ABORT, 'an episode guid never changes');
END;
