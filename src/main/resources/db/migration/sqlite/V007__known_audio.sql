-- The content hash of every audio file any episode has ever used, kept when the audio is replaced or the
-- episode deleted. The folder watcher and `import` skip a file whose hash is here, so replaced or retired audio
-- left in the drop folder never comes back as a new draft.
CREATE TABLE known_audio (
    show_id    INTEGER NOT NULL REFERENCES show (id),
    sha256     TEXT    NOT NULL,
    -- The episode that used it (the latest one, if several did).
    episode_id INTEGER NOT NULL,
    first_seen BIGINT  NOT NULL,
    PRIMARY KEY (show_id, sha256)
);

INSERT INTO known_audio (show_id, sha256, episode_id, first_seen)
SELECT show_id, sha256, id, created_at FROM episode;
