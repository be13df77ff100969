-- What a save reads again before the feed is rebuilt (EpisodeRepository.changeStamp and changedSince): the
-- newest edit, the newest id and the episodes edited or created since the last snapshot. Without these indexes
-- each of those read every episode of the show, a few milliseconds per save at 10,000 episodes; with them each is
-- a short walk down one index.
CREATE INDEX episode_by_update ON episode (show_id, updated_at);
CREATE INDEX episode_by_id ON episode (show_id, id);
