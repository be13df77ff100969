package org.castkeeper.catalogue;

/** A chapter mark. endMillis and url may be null. */
public record Chapter(long startMillis, Long endMillis, String title, String url) {}
