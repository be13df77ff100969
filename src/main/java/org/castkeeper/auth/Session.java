package org.castkeeper.auth;

import java.time.Instant;

/**
 * A signed-in browser. {@code token} is the cookie's value and exists only on this object and in the browser;
 * the database keeps its hash.
 */
public record Session(String token, User user, String csrfToken, Instant expiresAt) {}
