-- What the host should know about an episode's audio (a truncated file, junk skipped, a tag title shortened),
-- shown on the episode's page until the host dismisses it.
CREATE TABLE episode_notice (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    episode_id INTEGER NOT NULL REFERENCES episode (id) ON DELETE CASCADE,
    message    TEXT    NOT NULL,
    created_at BIGINT  NOT NULL
);
CREATE INDEX episode_notice_by_episode ON episode_notice (episode_id);
