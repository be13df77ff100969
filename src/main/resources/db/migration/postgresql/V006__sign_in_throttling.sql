-- Sign-in throttling that holds under concurrency and across instances (see auth.LoginThrottle).
-- Buckets are now "pair:ACCOUNT|ADDRESS", "address:ADDRESS", "account:ACCOUNT" and "device:ACCOUNT|DEVICE";
-- counts kept under the old names mean nothing any more.
DELETE FROM login_attempt;
-- For "account:" buckets: no attempt before this time (epoch ms), the per-account backoff. 0 when none.
ALTER TABLE login_attempt ADD COLUMN blocked_until BIGINT NOT NULL DEFAULT 0;

-- Secrets every instance sharing this database must agree on, made once on first use:
-- "device-cookie" signs the known-device cookies of browsers that have signed in before.
CREATE TABLE server_secret (
    name       TEXT   NOT NULL PRIMARY KEY,
    value      TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);
