package org.castkeeper.importing;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Imports every .mp3 and .m4a file in a folder and its subfolders, in name order, reporting each one as it goes. The files
 * are one batch: a running server rebuilds its feed every few seconds and at the end, not once per file. While
 * one file is written to the catalogue, the next few are read, hashed and copied into the store on another
 * thread ({@link EpisodeImporter#prepare}); results come in name order all the same.
 */
public final class FolderImport {
    private static final int MAX_DEPTH = 5;

    /** Told about each file: for a progress display, a log, or a test. */
    public interface Listener {
        default void starting(int index, int total, Path file) {}

        default void progress(long bytesDone, long bytesTotal) {}

        void finished(int index, int total, ImportResult result);
    }

    /** @param skipped used by an episode before, or not published for the reason printed with it */
    public record Summary(int imported, int published, int alreadyCatalogued, int skipped, int rejected) {
        public int total() {
            return imported + published + alreadyCatalogued + skipped + rejected;
        }
    }

    private final EpisodeImporter importer;

    public FolderImport(EpisodeImporter importer) {
        this.importer = importer;
    }

    public Summary run(Path folder, boolean publish, Listener listener) throws IOException {
        List<Path> files = audioFiles(folder);
        int imported = 0;
        int published = 0;
        int already = 0;
        int skipped = 0;
        int rejected = 0;
        AtomicInteger current = new AtomicInteger();
        ExecutorService ahead = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "import-ahead");
            t.setDaemon(true);
            return t;
        });
        List<Future<EpisodeImporter.Prepared>> prepared = new ArrayList<>(files.size());
        try (var batch = importer.batch()) {
            for (int i = 0; i < files.size(); i++) {
                // The next files are read, hashed and copied on another thread while this one writes the
                // catalogue: the two halves of an import take turns on two cores instead of one.
                while (prepared.size() < files.size() && prepared.size() <= i + AHEAD) {
                    int index = prepared.size();
                    Path file = files.get(index);
                    long size = Files.size(file);
                    prepared.add(ahead.submit(() -> importer.prepare(file, publish, done -> {
                        if (current.get() == index) {
                            listener.progress(done, size);
                        }
                    })));
                }
                Path file = files.get(i);
                current.set(i);
                listener.starting(i + 1, files.size(), file);
                ImportResult result = importer.complete(await(prepared.get(i)));
                prepared.set(i, null);
                switch (result.outcome()) {
                    case IMPORTED -> imported++;
                    case PUBLISHED -> published++;
                    case ALREADY_CATALOGUED -> already++;
                    case USED_BEFORE, NOT_PUBLISHED -> skipped++;
                    case REJECTED -> rejected++;
                }
                listener.finished(i + 1, files.size(), result);
            }
        } finally {
            ahead.shutdownNow();
        }
        return new Summary(imported, published, already, skipped, rejected);
    }

    /** How many files are prepared ahead of the one being written: enough to keep the other core busy. */
    private static final int AHEAD = 4;

    private static EpisodeImporter.Prepared await(Future<EpisodeImporter.Prepared> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("the import was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    /**
     * Regular .mp3 and .m4a files (in any case), sorted by path. A file whose name starts with a dot is imported like any other
     * (a half-copied one waits for the watcher's quiet period like any other); skipped are hidden folders
     * (.Trash, a sync tool's own) and macOS's "._" companion files, which hold Finder metadata, never audio.
     */
    public static List<Path> audioFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("there is no folder at " + folder.toAbsolutePath());
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder, MAX_DEPTH, FileVisitOption.FOLLOW_LINKS)) {
            walk.filter(p -> !inHiddenFolder(folder, p))
                    .filter(p -> !p.getFileName().toString().startsWith("._"))
                    .filter(p -> isAudioName(p.getFileName().toString()))
                    .filter(Files::isRegularFile)
                    .forEach(files::add);
        }
        files.sort(Comparator.comparing(Path::toString));
        return files;
    }

    /** Whether a file's name says it is an episode's audio: .mp3 or .m4a, in any case. */
    public static boolean isAudioName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".mp3") || lower.endsWith(".m4a");
    }

    private static boolean inHiddenFolder(Path root, Path p) {
        Path relative = root.relativize(p);
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            if (relative.getName(i).toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
