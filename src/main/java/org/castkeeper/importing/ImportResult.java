package org.castkeeper.importing;

import java.nio.file.Path;
import java.util.List;
import org.castkeeper.catalogue.Episode;

/**
 * What happened to one file.
 *
 * @param episode the new episode (IMPORTED), the draft now published (PUBLISHED), or the one already holding this
 *                audio (ALREADY_CATALOGUED, NOT_PUBLISHED)
 * @param reason  why the file was rejected, skipped or not published, in words for the host
 */
public record ImportResult(Path file, Outcome outcome, Episode episode, String reason, List<String> warnings) {

    public enum Outcome {
        IMPORTED,
        /** `import --publish` found the file's episode as a draft and published it. */
        PUBLISHED,
        ALREADY_CATALOGUED,
        /** Audio an episode used before it was replaced or deleted: never a new episode again. */
        USED_BEFORE,
        /** `import --publish` found the file's episode but would not publish it; the reason says why. */
        NOT_PUBLISHED,
        REJECTED
    }

    public ImportResult {
        warnings = List.copyOf(warnings);
    }

    static ImportResult imported(Path file, Episode episode, List<String> warnings) {
        return new ImportResult(file, Outcome.IMPORTED, episode, null, warnings);
    }

    static ImportResult alreadyCatalogued(Path file, Episode episode) {
        return new ImportResult(file, Outcome.ALREADY_CATALOGUED, episode, null, List.of());
    }

    static ImportResult published(Path file, Episode episode) {
        return new ImportResult(file, Outcome.PUBLISHED, episode, null, List.of());
    }

    /** @param whereItWas e.g. "was in episode 5 "Sleep", deleted on 5 Dec 2026" */
    static ImportResult usedBefore(Path file, String whereItWas) {
        return new ImportResult(
                file,
                Outcome.USED_BEFORE,
                null,
                "this audio " + whereItWas + ", so it is not imported again",
                List.of());
    }

    static ImportResult notPublished(Path file, Episode episode, String why) {
        return new ImportResult(
                file,
                Outcome.NOT_PUBLISHED,
                episode,
                "already in the catalogue as \"" + episode.title() + "\", not published: " + why,
                List.of());
    }

    static ImportResult rejected(Path file, String reason) {
        return new ImportResult(file, Outcome.REJECTED, null, reason, List.of());
    }
}
