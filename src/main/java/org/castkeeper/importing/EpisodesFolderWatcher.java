package org.castkeeper.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the drop folder (episodes/) while the server runs and imports each new MP3 or M4A as a draft, once it has
 * finished being written. The folder is only read: the episode gets its own copy in the media store.
 *
 * <p>"Finished" means: its size and modification time did not change between two looks, and it was last written
 * at least {@code quietPeriod} ago. Copy tools that write under a hidden temporary name (rsync, most sync clients)
 * are covered too, since hidden files are skipped until they are renamed. Polling is used
 * rather than file-system events because it behaves the same on every platform and on network shares, and a few
 * stat calls every couple of seconds cost nothing. Several instances may watch one shared folder: the catalogue's
 * unique content hash makes the second import of a file a no-op.
 */
public final class EpisodesFolderWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EpisodesFolderWatcher.class);

    private record Seen(long size, long modified) {}

    private final Path folder;
    private final EpisodeImporter importer;
    private final Duration quietPeriod;
    private final Clock clock;
    private final Runnable onImported;
    private final Map<Path, Seen> candidates = new HashMap<>();
    /** Files already handled at this size and time: imported, catalogued before, or rejected. */
    private final Set<String> settled = new HashSet<>();

    private ScheduledExecutorService timer;

    public EpisodesFolderWatcher(
            Path folder, EpisodeImporter importer, Duration quietPeriod, Clock clock, Runnable onImported) {
        this.folder = folder;
        this.importer = importer;
        this.quietPeriod = quietPeriod;
        this.clock = clock;
        this.onImported = onImported;
    }

    public void start(Duration every) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "episodes-folder-watcher");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::pollSafely, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pollSafely() {
        try {
            poll();
        } catch (Exception e) {
            LOG.warn("Checking {} for new episodes failed: {}", folder, e.toString());
        }
    }

    /** One look at the folder. Public so tests can step it without waiting for the timer. */
    public synchronized void poll() throws IOException {
        List<Path> files = FolderImport.audioFiles(folder);
        candidates.keySet().retainAll(files);
        long now = clock.millis();
        try (var batch = importer.batch()) {
            look(files, now);
        }
    }

    /** Imports the files that have been quiet long enough, in one batch: a thousand files dropped at once are one. */
    private void look(List<Path> files, long now) throws IOException {
        for (Path file : files) {
            long size;
            long modified;
            try {
                size = Files.size(file);
                modified = Files.getLastModifiedTime(file).toMillis();
            } catch (IOException vanished) {
                continue;
            }
            String key = file + "|" + size + "|" + modified;
            if (settled.contains(key)) {
                continue;
            }
            Seen before = candidates.get(file);
            if (before == null || before.size() != size || before.modified() != modified) {
                candidates.put(file, new Seen(size, modified));
                continue;
            }
            // Unchanged since the last look, and untouched for the quiet period: the writer is done with it.
            if (size == 0 || now - modified < quietPeriod.toMillis()) {
                continue;
            }
            candidates.remove(file);
            settled.add(key);
            importQuietFile(file);
        }
    }

    private void importQuietFile(Path file) throws IOException {
        String name = folder.relativize(file).toString();
        ImportResult result = importer.importFile(file, false, done -> {});
        switch (result.outcome()) {
            case IMPORTED -> {
                LOG.info(
                        "Imported {} as a draft: \"{}\"", name, result.episode().title());
                result.warnings().forEach(w -> LOG.warn("{}: {}", name, w));
                onImported.run();
            }
            case ALREADY_CATALOGUED, PUBLISHED -> LOG.debug("{} is already catalogued", name);
            case USED_BEFORE, NOT_PUBLISHED -> LOG.info("{} was not imported: {}", name, result.reason());
            case REJECTED -> LOG.warn("{} was not imported: {}", name, result.reason());
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
