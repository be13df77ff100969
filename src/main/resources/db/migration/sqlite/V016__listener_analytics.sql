-- Listener analytics (the analytics issue): every request for an episode's audio answered with bytes, as the IAB
-- Podcast Measurement Technical Guidelines count downloads from. No address is stored: only salted hashes, with a
-- salt per UTC day that is destroyed once the day is over, so a listener is recognisable within a day, never
-- across days.
CREATE TABLE analytics_salt (
    -- yyyy-mm-dd, UTC.
    day        TEXT   NOT NULL PRIMARY KEY,
    salt       TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE media_request (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    -- No foreign key: a deleted episode keeps its downloads.
    episode_id INTEGER NOT NULL,
    at         BIGINT  NOT NULL,
    -- yyyy-mm-dd, UTC: the day the salt and the IAB's "one download per listener, episode and day" go by.
    day        TEXT    NOT NULL,
    -- Hash of the day's salt, the address (IPv6 cut to its /64) and the User-Agent: one listener in one app.
    listener   TEXT    NOT NULL,
    -- Hash of the day's salt and the address alone: one household, for the watchOS and anomaly rules.
    address    TEXT    NOT NULL,
    user_agent TEXT,
    app        TEXT,
    first_byte BIGINT  NOT NULL,
    last_byte  BIGINT  NOT NULL,
    whole      BOOLEAN NOT NULL,
    status     INTEGER NOT NULL,
    file_size  BIGINT  NOT NULL,
    referrer   TEXT,
    country    TEXT
);

CREATE INDEX media_request_by_day ON media_request (day, episode_id);
