package org.castkeeper.admin.accounts;

/** What the sign-in page shows. */
public record LoginPage(String csrf, String username, String error) {}
