package org.castkeeper.auth;

/** A host account. */
public record User(int id, String username) {}
