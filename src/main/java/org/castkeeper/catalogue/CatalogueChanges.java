package org.castkeeper.catalogue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells whoever caches derived data (the feed, the site) that the catalogue has just been written. The repository
 * fires it after every successful write, so no caller can forget to.
 *
 * <p>A bulk job (an import of a folder or of a whole feed) opens a {@link #batch()}: the writes its thread makes
 * are then told at most once every {@link #BATCH_INTERVAL} and once more when the batch closes, so a thousand
 * writes cost a handful of rebuilds, not a thousand. Writes by other threads (the host saving in the editor
 * meanwhile) are told at once as usual.
 */
public final class CatalogueChanges {
    /** How often a batch tells its writes: the feed shows a running import's progress this often. */
    public static final Duration BATCH_INTERVAL = Duration.ofSeconds(3);

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Batch> batches = new ThreadLocal<>();
    private final Clock clock;

    public CatalogueChanges() {
        this(Clock.systemUTC());
    }

    /** @param clock times a batch's interval */
    public CatalogueChanges(Clock clock) {
        this.clock = clock;
    }

    public void subscribe(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * Starts telling this thread's writes in bulk, until the batch is closed. A batch opened inside another on the
     * same thread joins it.
     */
    public Batch batch() {
        Batch open = batches.get();
        if (open != null) {
            open.depth++;
            return open;
        }
        Batch batch = new Batch(clock.millis());
        batches.set(batch);
        return batch;
    }

    void fire() {
        Batch batch = batches.get();
        if (batch == null) {
            tell();
            return;
        }
        batch.pending = true;
        if (clock.millis() - batch.lastTold >= BATCH_INTERVAL.toMillis()) {
            batch.tell();
        }
    }

    private void tell() {
        listeners.forEach(Runnable::run);
    }

    /** Writes told in bulk; closing it tells what is still untold. */
    public final class Batch implements AutoCloseable {
        private int depth = 1;
        private boolean pending;
        private long lastTold;

        private Batch(long now) {
            lastTold = now;
        }

        private void tell() {
            pending = false;
            lastTold = clock.millis();
            CatalogueChanges.this.tell();
        }

        @Override
        public void close() {
            if (--depth > 0) {
                return;
            }
            batches.remove();
            if (pending) {
                tell();
            }
        }
    }
}
