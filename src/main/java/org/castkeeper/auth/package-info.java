/**
 * Who may use the admin pages: host accounts with Argon2id passwords, sessions stored in the catalogue database
 * (so they survive restarts and are shared by every instance), CSRF tokens, sign-in throttling, and the one-time
 * setup link for the first account.
 */
package org.castkeeper.auth;
