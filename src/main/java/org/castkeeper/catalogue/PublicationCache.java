package org.castkeeper.catalogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the current {@link Publication} so that the feed and media routes never query the database per request.
 *
 * <p>A snapshot is replaced when (1) this process writes the catalogue ({@link CatalogueChanges}), (2) a
 * scheduled episode's time comes, or (3) another instance sharing the database wrote it: the change stamp is
 * re-read at most once per {@code stampCheckInterval}. Everything here can be rebuilt from the database.
 */
public final class PublicationCache {
    /** "No scheduled episode is waiting." (Instant.MAX cannot be expressed in epoch milliseconds.) */
    private static final Instant NEVER = Instant.ofEpochMilli(Long.MAX_VALUE);

    private final EpisodeRepository episodes;
    private final Clock clock;
    private final long stampCheckMillis;
    private final Instant configModified;
    private final AtomicLong localChanges = new AtomicLong();

    private final java.util.List<java.util.function.BiConsumer<Publication, Publication>> listeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Publication current;
    private volatile long builtForChanges = -1;
    private volatile long lastStampCheck;

    /**
     * @param configModified when the show's settings last changed: the published feed depends on them too
     */
    public PublicationCache(EpisodeRepository episodes, CatalogueChanges changes, Clock clock,
                            Duration stampCheckInterval, Instant configModified) {
        this.episodes = episodes;
        this.clock = clock;
        this.stampCheckMillis = stampCheckInterval.toMillis();
        this.configModified = configModified;
        changes.subscribe(localChanges::incrementAndGet);
    }

    /**
     * Tells {@code listener} of each new snapshot, with the one it replaces (null the first time). Called on the
     * thread that rebuilt the snapshot, so a listener must return quickly.
     */
    public void onRebuild(java.util.function.BiConsumer<Publication, Publication> listener) {
        listeners.add(listener);
    }

    /** The snapshot for now, rebuilt first if anything has made it stale. */
    public Publication current() {
        Publication p = currentIfKnown();
        return p != null ? p : refresh(clock.millis());
    }

    /**
     * The snapshot for now when it is known to be current without asking the database, else null. Never blocks:
     * the feed's hot path answers from it on Jetty's network thread and hands the request to a worker thread
     * (which calls {@link #current()}) only when this returns null.
     */
    public Publication currentIfKnown() {
        Publication p = current;
        long now = clock.millis();
        if (p != null && builtForChanges == localChanges.get() && now < p.validUntil().toEpochMilli()
                && now - lastStampCheck < stampCheckMillis) {
            return p;
        }
        return null;
    }

    private synchronized Publication refresh(long now) {
        Publication p = current;
        long changes = localChanges.get();
        boolean fresh = p != null && builtForChanges == changes && now < p.validUntil().toEpochMilli();
        if (fresh && now - lastStampCheck < stampCheckMillis) {
            return p;
        }
        ChangeStamp stamp = episodes.changeStamp();
        lastStampCheck = now;
        if (fresh && stamp.equals(p.stamp())) {
            return p;
        }
        Instant at = Instant.ofEpochMilli(now);
        List<Episode> live = episodes.live(at);
        Instant validUntil = episodes.nextGoLiveAfter(at).orElse(NEVER);
        Publication previous = current;
        current = new Publication(live, lastModified(live, stamp), validUntil, stamp);
        builtForChanges = changes;
        for (var listener : listeners) {
            listener.accept(previous, current);
        }
        return current;
    }

    /**
     * The latest of: the settings' change, any episode's last edit (published or not: unpublishing is an edit),
     * and any live episode's publish time (a scheduled episode going live is a change nobody typed).
     * Computed from stored times only, so every instance gives the same answer.
     */
    private Instant lastModified(List<Episode> live, ChangeStamp stamp) {
        Instant latest = max(configModified, stamp.lastEdit().orElse(null));
        for (Episode e : live) {
            latest = max(latest, e.publishAt());
        }
        return latest;
    }

    private static Instant max(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}
