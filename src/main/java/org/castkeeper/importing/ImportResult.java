package org.castkeeper.importing;

import java.nio.file.Path;
import java.util.List;
import org.castkeeper.catalogue.Episode;

/**
 * What happened to one file.
 *
 * @param episode the new episode (IMPORTED) or the one already holding this audio (ALREADY_CATALOGUED)
 * @param reason  why the file was rejected, in words for the host
 */
public record ImportResult(Path file, Outcome outcome, Episode episode, String reason, List<String> warnings) {

    public enum Outcome { IMPORTED, ALREADY_CATALOGUED, REJECTED }

    public ImportResult {
        warnings = List.copyOf(warnings);
    }

    static ImportResult imported(Path file, Episode episode, List<String> warnings) {
        return new ImportResult(file, Outcome.IMPORTED, episode, null, warnings);
    }

    static ImportResult alreadyCatalogued(Path file, Episode episode) {
        return new ImportResult(file, Outcome.ALREADY_CATALOGUED, episode, null, List.of());
    }

    static ImportResult rejected(Path file, String reason) {
        return new ImportResult(file, Outcome.REJECTED, null, reason, List.of());
    }
}
