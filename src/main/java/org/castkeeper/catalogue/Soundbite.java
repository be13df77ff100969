package org.castkeeper.catalogue;

/** A podcast:soundbite: a short, shareable part of the episode. title may be null. */
public record Soundbite(long startMillis, long durationMillis, String title) {}
