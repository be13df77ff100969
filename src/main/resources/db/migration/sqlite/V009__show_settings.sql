-- The show's settings (title, description, categories, owner ...) as the host edits them in /admin/settings.
-- feed-config.yml seeds them when the show is first created; from then on they live here, so every instance
-- sees a change on its next change-stamp check. settings holds the show's settings as JSON (the ShowSettings
-- record); seed is feed-config.yml's show section as it was when seeded, to notice later edits of the file.
CREATE TABLE show_settings (
    show_id    INTEGER NOT NULL PRIMARY KEY REFERENCES show (id),
    settings   TEXT    NOT NULL,
    seed       TEXT    NOT NULL,
    updated_at BIGINT  NOT NULL,
    updated_by TEXT
);

-- Every change of a show setting: who, when, the value before and after (as the settings page shows them).
CREATE TABLE show_settings_change (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    show_id    INTEGER NOT NULL REFERENCES show (id),
    changed_at BIGINT  NOT NULL,
    changed_by TEXT    NOT NULL,
    setting    TEXT    NOT NULL,
    old_value  TEXT,
    new_value  TEXT
);
CREATE INDEX show_settings_change_by_time ON show_settings_change (show_id, changed_at);
