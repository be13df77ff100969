package org.castkeeper.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.EpisodeRepository;
import org.castkeeper.media.MediaFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings an instance from before the media store up to date, once: such an instance served its files straight
 * from the drop folder (episodes/). Every file an episode references is given to the store under the very same
 * relative path, so every published enclosure URL keeps answering and no subscriber sees a changed URL.
 *
 * <p>The drop folder is left as it is: each file is hard-linked into the store (no extra disk) or, across disks,
 * copied. Its content hashes are in the catalogue, so the watcher never takes those files for new episodes.
 */
public final class MediaStoreMigration {
    private static final Logger LOG = LoggerFactory.getLogger(MediaStoreMigration.class);
    /** Written when the migration has run to the end; until then it runs again at the next start. */
    static final String DONE_MARKER = ".migrated-from-drop-folder";

    private MediaStoreMigration() {}

    /** Returns how many files were given to the store. */
    public static int run(Path dropFolder, MediaFolder store, EpisodeRepository episodes) throws IOException {
        Path marker = store.root().resolve(DONE_MARKER);
        if (Files.exists(marker)) {
            return 0;
        }
        Path drop = dropFolder.toAbsolutePath().normalize();
        int adopted = 0;
        for (Episode e : episodes.all()) {
            for (String path : e.files()) {
                Optional<Path> target = store.resolve(path);
                Path old = drop.resolve(path).normalize();
                if (target.isEmpty()
                        || Files.exists(target.get())
                        || !old.startsWith(drop)
                        || !Files.isRegularFile(old)) {
                    continue;
                }
                linkOrCopy(old, target.get());
                adopted++;
            }
        }
        Files.writeString(marker, "The files episodes referenced in " + drop + " were given to this store.\n");
        if (adopted > 0) {
            LOG.info(
                    "Moved to the media store {}: {} files the catalogue references (the episodes folder is "
                            + "left as it was)",
                    store.root(),
                    adopted);
        }
        return adopted;
    }

    private static void linkOrCopy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try {
            Files.createLink(to, from);
        } catch (UnsupportedOperationException | IOException otherDisk) {
            Path partial = Files.createTempFile(to.getParent(), ".incoming-", ".part");
            try {
                Files.copy(from, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, to, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }
}
