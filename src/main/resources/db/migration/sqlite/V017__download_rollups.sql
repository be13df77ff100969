-- Listener analytics, part two: counts that last. Raw media requests are kept analytics.keepRawDays (30 by
-- default); each finished UTC day is counted once by the IAB rules and its counts kept here for good, so the
-- dashboard never recounts years of raw records.

-- Whether the User-Agent is a known bot (crawler-user-agents), decided when the record is written.
ALTER TABLE media_request ADD COLUMN bot BOOLEAN NOT NULL DEFAULT 0;

-- Downloads per episode and day. age_days: days between the episode's publication (UTC) and the day, as it was
-- when the day was counted: the "first 7 days" and "first 30 days" figures read it.
CREATE TABLE download_day (
    day        TEXT    NOT NULL,
    episode_id INTEGER NOT NULL,
    age_days   INTEGER NOT NULL,
    downloads  INTEGER NOT NULL,
    PRIMARY KEY (day, episode_id)
);
CREATE INDEX download_day_by_episode ON download_day (episode_id, age_days);

-- Downloads per day, app and country (empty when no country database is configured), show-wide.
CREATE TABLE download_audience (
    day       TEXT    NOT NULL,
    app       TEXT    NOT NULL,
    country   TEXT    NOT NULL,
    downloads INTEGER NOT NULL,
    PRIMARY KEY (day, app, country)
);

-- One address behind an unusual share of an episode's downloads on a day (see IabCounter), for the dashboard.
CREATE TABLE download_anomaly (
    day        TEXT    NOT NULL,
    episode_id INTEGER NOT NULL,
    address    TEXT    NOT NULL,
    downloads  INTEGER NOT NULL,
    of_all     INTEGER NOT NULL,
    PRIMARY KEY (day, episode_id, address)
);

-- The days already counted, with how many raw records they had then: a day whose count of raw records changed
-- (a record written late by another instance) is counted again; a day whose raw records are gone is left alone.
CREATE TABLE counted_day (
    day        TEXT   NOT NULL PRIMARY KEY,
    raw        BIGINT NOT NULL,
    counted_at BIGINT NOT NULL
);

-- When counting began: episodes published before it have "no data before" this day, not zeros.
CREATE TABLE analytics_since (
    id   INTEGER NOT NULL PRIMARY KEY,
    day  TEXT    NOT NULL
);

-- The latest subscriber count each aggregator reported in its feed-poll User-Agent ("...; 1,234 subscribers").
CREATE TABLE subscriber_count (
    aggregator  TEXT    NOT NULL PRIMARY KEY,
    subscribers INTEGER NOT NULL,
    user_agent  TEXT    NOT NULL,
    seen_at     BIGINT  NOT NULL
);
