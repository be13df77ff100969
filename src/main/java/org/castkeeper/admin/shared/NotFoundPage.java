package org.castkeeper.admin.shared;

/** What the admin's "not found" page says; {@code csrf} is null when nobody is signed in. */
public record NotFoundPage(String message, String csrf) {}
