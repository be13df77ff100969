package org.castkeeper.config;

/**
 * @param episodes the host's drop folder: MP3s put here are imported as drafts. Castkeeper only reads it, and never
 *                 renames, moves or deletes anything in it.
 * @param data     where Castkeeper keeps its own files: the SQLite catalogue by default, and the media store
 *                 (data/media) it serves episodes from
 */
public record StorageSettings(String episodes, String data) {
    public StorageSettings {
        episodes = episodes == null ? "episodes" : episodes;
        data = data == null ? "data" : data;
    }
}
