package org.castkeeper.importing;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Imports every .mp3 file in a folder and its subfolders, in name order, reporting each one as it goes. The files
 * are one batch: a running server rebuilds its feed every few seconds and at the end, not once per file.
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
        List<Path> files = mp3Files(folder);
        int imported = 0;
        int published = 0;
        int already = 0;
        int skipped = 0;
        int rejected = 0;
        try (var batch = importer.batch()) {
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                long size = Files.size(file);
                listener.starting(i + 1, files.size(), file);
                ImportResult result = importer.importFile(file, publish, done -> listener.progress(done, size));
                switch (result.outcome()) {
                    case IMPORTED -> imported++;
                    case PUBLISHED -> published++;
                    case ALREADY_CATALOGUED -> already++;
                    case USED_BEFORE, NOT_PUBLISHED -> skipped++;
                    case REJECTED -> rejected++;
                }
                listener.finished(i + 1, files.size(), result);
            }
        }
        return new Summary(imported, published, already, skipped, rejected);
    }

    /**
     * Regular .mp3 or .MP3 files, sorted by path. A file whose name starts with a dot is imported like any other
     * (a half-copied one waits for the watcher's quiet period like any other); skipped are hidden folders
     * (.Trash, a sync tool's own) and macOS's "._" companion files, which hold Finder metadata, never audio.
     */
    public static List<Path> mp3Files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("there is no folder at " + folder.toAbsolutePath());
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder, MAX_DEPTH, FileVisitOption.FOLLOW_LINKS)) {
            walk.filter(p -> !inHiddenFolder(folder, p))
                    .filter(p -> !p.getFileName().toString().startsWith("._"))
                    .filter(p ->
                            p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mp3"))
                    .filter(Files::isRegularFile)
                    .forEach(files::add);
        }
        files.sort(Comparator.comparing(Path::toString));
        return files;
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
