package org.castkeeper.catalogue;

import java.time.Instant;
import java.util.Optional;

/**
 * A cheap summary of a show's episodes and settings that changes whenever one is created or edited: caches compare it to notice
 * writes made by another instance sharing the database.
 *
 * @param episodes     how many episodes the show has (a deletion lowers it)
 * @param lastEditMillis when any episode was last created or edited, or null when there are none
 * @param settingsMillis when the show's settings were last saved, or null before they are seeded
 * @param deletedMillis  when an episode was last deleted, or null when none ever was: a deletion is a change
 *                       too, and the feed's Last-Modified must not go back in time when the newest edit goes
 * @param maxId          the newest episode's id, or null when there are none: episodes created since a snapshot
 *                       are those above its maxId, whatever the clocks of the instances that created them said
 */
public record ChangeStamp(int episodes, Long lastEditMillis, Long settingsMillis, Long deletedMillis, Integer maxId) {
    /** For a snapshot made without the database (tests, benchmarks). */
    public static final ChangeStamp NONE = new ChangeStamp(0, null, null, null, null);

    /** The last deletion, as an instant. */
    public Optional<Instant> lastDeletion() {
        return Optional.ofNullable(deletedMillis).map(Instant::ofEpochMilli);
    }

    /** The settings' last save, as an instant. */
    public Optional<Instant> settingsEdit() {
        return Optional.ofNullable(settingsMillis).map(Instant::ofEpochMilli);
    }

    public Optional<Instant> lastEdit() {
        return Optional.ofNullable(lastEditMillis).map(Instant::ofEpochMilli);
    }
}
