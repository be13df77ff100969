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
WHERE (seed::jsonb ->> 'podcastGuid') IS NOT NULL;

-- podcast:txt purpose="ai-content" is true or false; Castkeeper once stored what the host typed ("none",
-- "maybe-some"). "none", "no", "0" and "false" mean false, anything else true.
UPDATE show_settings
SET settings = jsonb_set(settings::jsonb, '{txt}', (
    SELECT coalesce(jsonb_agg(
        CASE
            WHEN t.e ->> 'purpose' = 'ai-content' THEN jsonb_set(t.e, '{value}', to_jsonb(
                CASE WHEN lower(trim(coalesce(t.e ->> 'value', ''))) IN ('none', 'no', '0', 'false')
                     THEN 'false' ELSE 'true' END))
            ELSE t.e
        END ORDER BY t.i), '[]'::jsonb)
    FROM jsonb_array_elements(show_settings.settings::jsonb -> 'txt') WITH ORDINALITY AS t (e, i)))::text
WHERE jsonb_typeof(settings::jsonb -> 'txt') = 'array';

-- Each episode's own comment thread (podcast:socialInteract in its item): the root post's address.
ALTER TABLE episode ADD COLUMN social_uri TEXT;
