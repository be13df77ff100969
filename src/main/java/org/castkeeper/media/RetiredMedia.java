package org.castkeeper.media;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.castkeeper.catalogue.RetiredFile;

/**
 * Where files an episode no longer uses wait before they are deleted: data/retired/, under the path they had in
 * the store, for storage.retainDays. The catalogue records a file as retired in the same transaction as the
 * change that replaced it; {@link #sweep} then moves it out of the store (again after a crash, if need be) and
 * deletes what has waited long enough. It never touches a file any episode references.
 */
public final class RetiredMedia {
    private final MediaFolder store;
    private final Path folder;
    private final Duration retention;

    public RetiredMedia(MediaFolder store, Path folder, Duration retention) {
        this.store = store;
        this.folder = folder.toAbsolutePath().normalize();
        this.retention = retention;
    }

    public Duration retention() {
        return retention;
    }

    /** What one sweep did. */
    public record Sweep(int moved, int deleted) {
    }

    public Sweep sweep(List<RetiredFile> retired, Set<String> referenced, Instant now) throws IOException {
        int moved = 0;
        int deleted = 0;
        for (RetiredFile file : retired) {
            if (referenced.contains(file.path())) {
                continue;
            }
            Optional<Path> inStore = store.resolve(file.path());
            Path waiting = folder.resolve(file.path()).normalize();
            if (!waiting.startsWith(folder)) {
                continue;
            }
            boolean expired = !file.retiredAt().plus(retention).isAfter(now);
            if (inStore.isPresent() && Files.isRegularFile(inStore.get())) {
                if (expired) {
                    Files.delete(inStore.get());
                    deleted++;
                } else {
                    Files.createDirectories(waiting.getParent());
                    move(inStore.get(), waiting);
                    moved++;
                }
            } else if (expired && Files.deleteIfExists(waiting)) {
                deleted++;
            }
        }
        return new Sweep(moved, deleted);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException otherDisk) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
