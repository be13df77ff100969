-- Host accounts, their sessions, sign-in throttling and the one-time setup link.
-- Everything lives in the database so that several instances behind a load balancer share it.
-- SQLite flavour; postgresql/V003__accounts_and_sessions.sql describes the same tables.

CREATE TABLE app_user (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    username      TEXT    NOT NULL UNIQUE,
    -- Argon2id, in the PHC string format ($argon2id$v=19$m=...,t=...,p=...$salt$hash).
    password_hash TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL
);

CREATE TABLE app_session (
    -- SHA-256 of the cookie's value: a copy of the database holds no usable session.
    id_hash    TEXT    NOT NULL PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    csrf_token TEXT    NOT NULL,
    created_at BIGINT  NOT NULL,
    expires_at BIGINT  NOT NULL
);

CREATE TABLE login_attempt (
    -- "account:NAME" or "address:IP".
    bucket       TEXT    NOT NULL PRIMARY KEY,
    window_start BIGINT  NOT NULL,
    failures     INTEGER NOT NULL
);

CREATE TABLE setup_token (
    token_hash TEXT   NOT NULL PRIMARY KEY,
    expires_at BIGINT NOT NULL
);

-- The Markdown the host wrote; episode.description keeps the sanitised HTML made from it.
ALTER TABLE episode ADD COLUMN notes_markdown TEXT;
