package org.castkeeper.media;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.castkeeper.catalogue.RetiredFile;

/**
 * Files an episode no longer uses wait, retired by the store (the folder store keeps them in data/retired/, under
 * the path they had), for storage.retainDays before they are deleted. The catalogue records a file as retired in the same transaction as the
 * change that replaced it; {@link #sweep} then moves it out of the store (again after a crash, if need be) and
 * deletes what has waited long enough. It never touches a file any episode references.
 */
public final class RetiredMedia {
    private final MediaStore store;
    private final Duration retention;

    public RetiredMedia(MediaStore store, Duration retention) {
        this.store = store;
        this.retention = retention;
    }

    public Duration retention() {
        return retention;
    }

    /** What one sweep did. */
    public record Sweep(int moved, int deleted) {}

    public Sweep sweep(List<RetiredFile> retired, Set<String> referenced, Instant now) throws IOException {
        int moved = 0;
        int deleted = 0;
        for (RetiredFile file : retired) {
            if (referenced.contains(file.path()) || !store.accepts(file.path())) {
                continue;
            }
            boolean expired = !file.retiredAt().plus(retention).isAfter(now);
            if (store.stat(file.path()).isPresent()) {
                if (expired) {
                    store.delete(file.path());
                    deleted++;
                } else if (store.retire(file.path())) {
                    moved++;
                }
            } else if (expired && store.purgeRetired(file.path())) {
                deleted++;
            }
        }
        return new Sweep(moved, deleted);
    }
}
