-- Sign-in throttling counts a failure only once the password was checked and found wrong (the trust issue):
-- attempts whose password is being checked are counted apart, so a burst of correct sign-ins is never refused,
-- while guesses beyond a limit still wait for those in flight instead of all being checked at once.
ALTER TABLE login_attempt ADD COLUMN checking INTEGER NOT NULL DEFAULT 0;
