package org.castkeeper.admin.accounts;

import java.util.List;

/** What the account page shows: who is signed in, every account ([name, since]), and the outcome of a form. */
public record AccountPage(String csrf, String username, List<List<String>> accounts, String notice, String error) {}
