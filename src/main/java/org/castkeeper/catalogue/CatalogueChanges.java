package org.castkeeper.catalogue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells whoever caches derived data (the feed, the site) that the catalogue has just been written. The repository
 * fires it after every successful write, so no caller can forget to.
 */
public final class CatalogueChanges {
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(Runnable listener) {
        listeners.add(listener);
    }

    void fire() {
        listeners.forEach(Runnable::run);
    }
}
