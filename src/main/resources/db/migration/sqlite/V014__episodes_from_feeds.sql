-- Episodes moved in from another host's feed (the move-in issue).
--
-- An imported episode's identity is the guid its old feed gave it, not its audio: two items of an old feed may
-- carry the same file and are still two episodes. So "the same audio is never catalogued twice" now holds only
-- for episodes made from files (origin 'file'), and SQLite can drop a table constraint only by rebuilding the
-- table. The rebuild follows SQLite's own recipe (https://www.sqlite.org/lang_altertable.html#otheralter):
-- foreign keys off, so that dropping the old table does not cascade to chapters, soundbites, people and notices;
-- one transaction; a foreign key check before the commit. V014__episodes_from_feeds.sql.conf runs this file
-- outside Flyway's own transaction, as PRAGMA foreign_keys has no effect inside one.
PRAGMA foreign_keys = OFF;

-- A savepoint outside a transaction opens one (Flyway's parser would take BEGIN for a block).
SAVEPOINT rebuild_episode;

CREATE TABLE episode_new (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    show_id          INTEGER NOT NULL REFERENCES show (id),
    -- Set once, never changed: podcatchers identify the episode by it forever. Castkeeper makes it for an
    -- episode made here; an imported episode keeps the one its old feed gave it, verbatim.
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
    notes_markdown   TEXT,
    social_uri       TEXT,
    -- 'file': made here from an audio file (upload, drop folder, import); 'feed': moved in from an old feed.
    origin           TEXT    NOT NULL DEFAULT 'file' CHECK (origin IN ('file', 'feed')),
    -- For an episode from a feed: the enclosure URL it was downloaded from, and a fingerprint of the item as it
    -- was imported, so that a later run can tell an item changed at the old host from one edited here.
    source_url       TEXT,
    source_fingerprint TEXT,
    UNIQUE (show_id, slug)
);

INSERT INTO episode_new (
    id, show_id, guid, slug, title, description, state, publish_at, season, episode_number, episode_type,
    explicit, duration_seconds, audio_path, size_bytes, mime_type, sha256, bitrate_kbps, variable_bitrate,
    sample_rate, channels, artist, album, artwork_path, transcript_path, transcript_type, created_at, updated_at,
    notes_markdown, social_uri)
SELECT
    id, show_id, guid, slug, title, description, state, publish_at, season, episode_number, episode_type,
    explicit, duration_seconds, audio_path, size_bytes, mime_type, sha256, bitrate_kbps, variable_bitrate,
    sample_rate, channels, artist, album, artwork_path, transcript_path, transcript_type, created_at, updated_at,
    notes_markdown, social_uri
FROM episode;

DROP TABLE episode;
ALTER TABLE episode_new RENAME TO episode;

CREATE INDEX episode_by_state_and_time ON episode (show_id, state, publish_at);
CREATE INDEX episode_by_audio_path ON episode (show_id, audio_path);
-- The same audio file is never catalogued twice as an episode made from files: this is what makes `import DIR`
-- and the drop folder idempotent. Imported episodes are told apart by their guid instead.
CREATE UNIQUE INDEX episode_audio_once ON episode (show_id, sha256) WHERE origin = 'file';

-- The guid is forever: not even a bug in Castkeeper itself can change a published episode's identity.
CREATE TRIGGER episode_guid_never_changes
BEFORE UPDATE OF guid ON episode
WHEN NEW.guid IS NOT OLD.guid
BEGIN
    SELECT RAISE(ABORT, 'an episode guid never changes');
END;

RELEASE rebuild_episode;

PRAGMA foreign_keys = ON;
