-- The feed as the namespaces define it (the feed issue).

-- podcast:guid identifies the show for good, so it is fixed the first time the show is served at a public
-- address (podcast_guid_fixed_at, NULL until then); until then (localhost, a private address) Castkeeper makes
-- it from the current address (podcast_guid_follows). A guid the host gave in feed-config.yml was fixed when
-- seeded. Of the others nobody knows from which address they were made: neither fixed nor following, they are
-- settled at the next start, where a guid made from a local address is recognised and replaced
-- (ShowSettingsRepository.settleGuid).
ALTER TABLE show_settings ADD COLUMN podcast_guid_fixed_at BIGINT;
ALTER TABLE show_settings ADD COLUMN podcast_guid_follows BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE show_settings SET podcast_guid_fixed_at = updated_at
WHERE json_extract(seed, '$.podcastGuid') IS NOT NULL;

-- podcast:txt purpose="ai-content" is true or false; Castkeeper once stored what the host typed ("none",
-- "maybe-some"). "none", "no", "0" and "false" mean false, anything else true.
UPDATE show_settings
SET settings = json_set(settings, '$.txt', json((
    SELECT json_group_array(
        CASE
            WHEN json_extract(t.value, '$.purpose') = 'ai-content' THEN json_set(t.value, '$.value',
                CASE WHEN lower(trim(coalesce(json_extract(t.value, '$.value'), ''))) IN ('none', 'no', '0', 'false')
                     THEN 'false' ELSE 'true' END)
            ELSE json(t.value)
        END)
    FROM json_each(show_settings.settings, '$.txt') AS t)))
WHERE json_type(settings, '$.txt') = 'array';

-- Each episode's own comment thread (podcast:socialInteract in its item): the root post's address.
ALTER TABLE episode ADD COLUMN social_uri TEXT;
