-- Episodes moved in from another host's feed (the move-in issue). sqlite/V014 says why; this is the same change.

-- 'file': made here from an audio file (upload, drop folder, import); 'feed': moved in from an old feed.
ALTER TABLE episode ADD COLUMN origin TEXT NOT NULL DEFAULT 'file' CHECK (origin IN ('file', 'feed'));
-- For an episode from a feed: the enclosure URL it was downloaded from, and a fingerprint of the item as it was
-- imported, so that a later run can tell an item changed at the old host from one edited here.
ALTER TABLE episode ADD COLUMN source_url TEXT;
ALTER TABLE episode ADD COLUMN source_fingerprint TEXT;

-- The same audio file is never catalogued twice as an episode made from files; imported episodes are told apart
-- by their guid, and two items of an old feed may carry the same file.
ALTER TABLE episode DROP CONSTRAINT episode_show_id_sha256_key;
CREATE UNIQUE INDEX episode_audio_once ON episode (show_id, sha256) WHERE origin = 'file';
