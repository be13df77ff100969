package org.castkeeper.catalogue;

/** A podcast:person on one episode, such as a guest. Everything but the name may be null. */
public record Person(String name, String role, String group, String img, String href) {}
