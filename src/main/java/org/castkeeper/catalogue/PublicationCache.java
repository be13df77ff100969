package org.castkeeper.catalogue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.castkeeper.config.ShowSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the current {@link Publication} so that the feed and media routes never query the database per request.
 *
 * <p>A snapshot is replaced when (1) this process writes the catalogue ({@link CatalogueChanges}), (2) a
 * scheduled episode's time comes, or (3) another instance sharing the database wrote it: the change stamp is
 * re-read at most once per {@code stampCheckInterval}. Everything here can be rebuilt from the database.
 *
 * <p>Podcatchers never wait for a rebuild: {@link #latest()} hands out the snapshot it has and asks a background
 * thread to refresh it when it may be stale. Rebuilds run one at a time (under this object's lock), so a burst
 * of changes costs one or two of them, and a failing database leaves the last good snapshot in service.
 */
public final class PublicationCache implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PublicationCache.class);
    /** "No scheduled episode is waiting." (Instant.MAX cannot be expressed in epoch milliseconds.) */
    private static final Instant NEVER = Instant.ofEpochMilli(Long.MAX_VALUE);
    /** After a failed refresh (the database is unreachable), background refreshes pause this long. */
    private static final long RETRY_MILLIS = 1_000;

    private final EpisodeRepository episodes;
    private final Supplier<ShowSettings> show;
    private final Clock clock;
    private final long stampCheckMillis;
    private final Instant configModified;
    private final AtomicLong localChanges = new AtomicLong();
    private final List<BiConsumer<Publication, Publication>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "publication-refresh");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    /** A rebuild is asking the database now. */
    private final AtomicBoolean refreshing = new AtomicBoolean();

    private volatile Publication current;
    private volatile long builtForChanges = -1;
    private volatile long lastStampCheck;
    private volatile long retryAt;
    private ScheduledFuture<?> goLive;

    /**
     * @param show           reads the show's settings as they are now (called on each rebuild)
     * @param configModified when the server's settings last changed (feed-config.yml): the feed's URLs depend on them
     */
    public PublicationCache(
            EpisodeRepository episodes,
            Supplier<ShowSettings> show,
            CatalogueChanges changes,
            Clock clock,
            Duration stampCheckInterval,
            Instant configModified) {
        this.episodes = episodes;
        this.show = show;
        this.clock = clock;
        this.stampCheckMillis = stampCheckInterval.toMillis();
        this.configModified = configModified;
        changes.subscribe(localChanges::incrementAndGet);
        changes.subscribe(this::afterLocalWrite);
    }

    /**
     * This process has just written the catalogue (the host saved, published, uploaded): rebuild before the
     * writer answers, so the host's next look at the feed shows the change. Nothing to do before the first
     * snapshot, e.g. in a command-line import.
     */
    private void afterLocalWrite() {
        if (current == null) {
            return;
        }
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("The catalogue was written, but rebuilding what is published failed: {}", e.toString());
        }
    }

    /**
     * Tells {@code listener} of each new snapshot, with the one it replaces (null the first time). Called on the
     * thread that rebuilt the snapshot, one rebuild at a time, before anyone waiting for that rebuild is released.
     */
    public void onRebuild(BiConsumer<Publication, Publication> listener) {
        listeners.add(listener);
    }

    /** The snapshot for now, rebuilt first if anything has made it stale. May wait on the database. */
    public Publication current() {
        Publication p = currentIfKnown();
        return p != null ? p : refresh();
    }

    /**
     * The snapshot for now when it is known to be current without asking the database, else null. Never blocks.
     */
    public Publication currentIfKnown() {
        Publication p = current;
        return p != null && !stale(p, clock.millis()) ? p : null;
    }

    /**
     * The newest snapshot there is, at once: when it may be stale, a background refresh is asked for and this one
     * is still returned. Null only before the first snapshot is built. Never blocks; for the podcatcher path.
     */
    public Publication latest() {
        Publication p = current;
        if (p == null || stale(p, clock.millis())) {
            refreshInBackground();
        }
        return p;
    }

    /**
     * The snapshot for now, as {@link #current()}; but when the database does not answer, the last good one, so
     * that the public pages keep answering as the feed does. After a failure the database is not asked again for
     * a second, and while one rebuild waits on it nobody else does: requests never queue behind its timeout.
     * Throws only when there has never been a snapshot.
     */
    public Publication currentOrLastGood() {
        Publication p = currentIfKnown();
        Publication last = current;
        if (p != null) {
            return p;
        }
        if (last != null && (clock.millis() < retryAt || refreshing.get())) {
            return last;
        }
        try {
            return refresh();
        } catch (RuntimeException e) {
            if (last == null) {
                throw e;
            }
            retryAt = clock.millis() + RETRY_MILLIS;
            LOG.warn("Could not refresh what is published; the site shows the last good pages: {}", e.toString());
            return last;
        }
    }

    /** {@link #latest()}, or the first snapshot built now when there is none yet. */
    public Publication latestOrLoad() {
        Publication p = latest();
        return p != null ? p : current();
    }

    /** True once a snapshot has been built: until then nothing needs refreshing. */
    public boolean started() {
        return current != null;
    }

    private boolean stale(Publication p, long now) {
        return builtForChanges != localChanges.get()
                || now >= p.validUntil().toEpochMilli()
                || now - lastStampCheck >= stampCheckMillis;
    }

    /** Asks the background thread for a refresh; a request while one is queued adds nothing. */
    public void refreshInBackground() {
        if (clock.millis() < retryAt || !refreshQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            background.execute(() -> {
                refreshQueued.set(false);
                try {
                    refresh();
                } catch (RuntimeException e) {
                    retryAt = clock.millis() + RETRY_MILLIS;
                    LOG.warn("Could not refresh what is published; still serving the last good feed: {}", e.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            refreshQueued.set(false);
        }
    }

    /**
     * Rebuilds the snapshot now if anything has made it stale, and returns it. One rebuild at a time: a caller that
     * arrives during another's rebuild waits for it and then finds its own change already in (or rebuilds once
     * more for every change that came in meanwhile).
     */
    public synchronized Publication refresh() {
        refreshing.set(true);
        try {
            return refreshNow();
        } finally {
            refreshing.set(false);
        }
    }

    private Publication refreshNow() {
        long now = clock.millis();
        Publication p = current;
        long changes = localChanges.get();
        boolean fresh =
                p != null && builtForChanges == changes && now < p.validUntil().toEpochMilli();
        if (fresh && now - lastStampCheck < stampCheckMillis) {
            return p;
        }
        ChangeStamp stamp = episodes.changeStamp();
        lastStampCheck = now;
        if (fresh && stamp.equals(p.stamp())) {
            return p;
        }
        Instant at = Instant.ofEpochMilli(now);
        List<Episode> live = patched(p, stamp, now);
        if (live == null) {
            live = episodes.live(at);
        }
        Instant validUntil = episodes.nextGoLiveAfter(at).orElse(NEVER);
        Publication previous = current;
        // What the stamp says has not changed is taken from the last snapshot rather than read again: a save
        // of one episode, made while a thousand podcatchers poll, waits for this rebuild.
        boolean sameSettings = p != null
                && stamp.settingsMillis() != null
                && stamp.settingsMillis().equals(p.stamp().settingsMillis());
        boolean noDeletion = p != null
                && java.util.Objects.equals(stamp.deletedMillis(), p.stamp().deletedMillis());
        Publication next = new Publication(
                sameSettings ? p.show() : show.get(),
                live,
                lastModified(live, stamp),
                validUntil,
                stamp,
                episodes.tombstones().retired(),
                noDeletion ? p.deletedSlugs() : episodes.tombstones().deletedSlugs());
        current = next;
        builtForChanges = changes;
        for (var listener : listeners) {
            listener.accept(previous, next);
        }
        scheduleGoLive(validUntil, now);
        return next;
    }

    /**
     * The live episodes now, from {@code p}'s and the few episodes created or edited since it was built, when that
     * is enough: nothing was deleted, no scheduled time was reached, and every episode the count says is new was
     * found. Null when all of them must be read again. So a save or an upload costs a few rows, however long the
     * catalogue, and an import of thousands costs thousands of rows, not millions.
     */
    private List<Episode> patched(Publication p, ChangeStamp stamp, long now) {
        if (p == null
                || p.stamp().lastEditMillis() == null
                || p.stamp().maxId() == null
                || now >= p.validUntil().toEpochMilli()
                || !java.util.Objects.equals(p.stamp().deletedMillis(), stamp.deletedMillis())) {
            return null;
        }
        List<Episode> changed =
                episodes.changedSince(p.stamp().lastEditMillis(), p.stamp().maxId());
        long created = changed.stream().filter(e -> e.id() > p.stamp().maxId()).count();
        if (stamp.episodes() != p.stamp().episodes() + created) {
            return null;
        }
        return patch(p.live(), changed, Instant.ofEpochMilli(now));
    }

    /** {@code live} with each of {@code edited} put in (if live now) or taken out, in the catalogue's order. */
    static List<Episode> patch(List<Episode> live, List<Episode> edited, Instant at) {
        java.util.Map<Integer, Episode> byId = new java.util.LinkedHashMap<>();
        live.forEach(e -> byId.put(e.id(), e));
        for (Episode e : edited) {
            byId.remove(e.id());
            if (e.isLive(at)) {
                byId.put(e.id(), e);
            }
        }
        List<Episode> patched = new java.util.ArrayList<>(byId.values());
        patched.sort(
                java.util.Comparator.comparing((Episode e) -> e.publishAt() != null ? e.publishAt() : e.createdAt())
                        .thenComparing(Episode::id)
                        .reversed());
        return patched;
    }

    /**
     * A scheduled episode goes live by the clock, not by a request: the refresh is timed for that moment, so the
     * feed is rebuilt on time even when nobody is polling. (Hubs are told by episodes.GoLiveTimer.)
     */
    private void scheduleGoLive(Instant validUntil, long now) {
        if (goLive != null) {
            goLive.cancel(false);
            goLive = null;
        }
        if (validUntil.equals(NEVER) || background.isShutdown()) {
            return;
        }
        long delay = Math.max(0, validUntil.toEpochMilli() - now);
        try {
            goLive = background.schedule(this::refreshInBackground, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // Shutting down.
        }
    }

    /**
     * The latest of: the config file's and the show settings' last change, any episode's last edit (published or not: unpublishing is an edit),
     * and any live episode's publish time (a scheduled episode going live is a change nobody typed).
     * Computed from stored times only, so every instance gives the same answer.
     */
    private Instant lastModified(List<Episode> live, ChangeStamp stamp) {
        Instant latest = max(
                max(configModified, stamp.settingsEdit().orElse(null)),
                stamp.lastEdit().orElse(null));
        latest = max(latest, stamp.lastDeletion().orElse(null));
        for (Episode e : live) {
            latest = max(latest, e.publishAt());
        }
        return latest;
    }

    private static Instant max(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
