-- Podcasting 2.0 per-episode data: soundbites (podcast:soundbite) and people (podcast:person).
-- SQLite flavour; postgresql/V002__soundbites_and_people.sql describes the same tables.

CREATE TABLE soundbite (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    episode_id  INTEGER NOT NULL REFERENCES episode (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    start_ms    BIGINT  NOT NULL,
    duration_ms BIGINT  NOT NULL,
    title       TEXT,
    UNIQUE (episode_id, position)
);

CREATE TABLE episode_person (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    episode_id INTEGER NOT NULL REFERENCES episode (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    name       TEXT    NOT NULL,
    role       TEXT,
    grp        TEXT,
    img        TEXT,
    href       TEXT,
    UNIQUE (episode_id, position)
);

-- The media route finds an episode by the path of its audio file.
CREATE INDEX episode_by_audio_path ON episode (show_id, audio_path);
