-- Which episodes going live have had their WebSub and podping notifications sent, so that of several instances
-- sharing the database only the first to see an episode go live sends them. An episode published again at a new
-- time is a new row, and is announced again.
-- SQLite flavour; postgresql/V005__publish_notifications.sql describes the same table.

CREATE TABLE publish_notification (
    show_id    INTEGER NOT NULL REFERENCES show (id),
    guid       TEXT    NOT NULL,
    live_at    BIGINT  NOT NULL,
    claimed_at BIGINT  NOT NULL,
    PRIMARY KEY (show_id, guid, live_at)
);
