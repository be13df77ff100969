-- Tombstones of deleted episodes. The guid stays here for good, so it is never used again, and the episode's
-- page and chapters answer 410 Gone rather than 404: apps and search engines learn it is gone on purpose.
-- Its files were recorded in retired_media in the same transaction (their URLs answer 410 too).
CREATE TABLE deleted_episode (
    show_id     INTEGER NOT NULL REFERENCES show (id),
    episode_id  INTEGER NOT NULL,
    guid        TEXT    NOT NULL UNIQUE,
    slug        TEXT    NOT NULL,
    title       TEXT    NOT NULL,
    -- Whether the episode had ever been public (published, even if unpublished since).
    was_public  BOOLEAN NOT NULL,
    deleted_at  BIGINT  NOT NULL,
    deleted_by  TEXT    NOT NULL,
    PRIMARY KEY (show_id, episode_id)
);
CREATE INDEX deleted_episode_by_slug ON deleted_episode (show_id, slug);
