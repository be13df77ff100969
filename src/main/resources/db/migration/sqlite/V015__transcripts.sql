-- An episode may have several transcripts (the move-in issue: an old feed often carries WebVTT and SRT, or JSON
-- and HTML). They move out of the episode row into a list of their own, in the order the feed lists them; the
-- transcript uploaded in the editor is the first.
CREATE TABLE episode_transcript (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    episode_id INTEGER NOT NULL REFERENCES episode (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    -- Relative to the media folder.
    path       TEXT    NOT NULL,
    -- text/vtt, application/x-subrip, application/json, text/html or text/plain.
    type       TEXT    NOT NULL,
    -- The language it is in, when it is not the show's.
    language   TEXT,
    UNIQUE (episode_id, position)
);

CREATE INDEX episode_transcript_by_path ON episode_transcript (path);

INSERT INTO episode_transcript (episode_id, position, path, type)
SELECT id, 0, transcript_path, coalesce(transcript_type, 'text/plain') FROM episode WHERE transcript_path IS NOT NULL;

ALTER TABLE episode DROP COLUMN transcript_path;
ALTER TABLE episode DROP COLUMN transcript_type;
