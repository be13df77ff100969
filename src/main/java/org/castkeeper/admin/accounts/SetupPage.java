package org.castkeeper.admin.accounts;

/** What the first-account page shows. */
public record SetupPage(String csrf, String token, boolean valid, String error) {}
