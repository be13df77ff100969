package org.castkeeper.config;

/**
 * @param episodes the host's drop folder: MP3s put here are imported as drafts. Castkeeper only reads it, and never
 *                 renames, moves or deletes anything in it.
 * @param data     where Castkeeper keeps its own files: the SQLite catalogue by default, and the media store
 *                 (data/media) it serves episodes from
 * @param retainDays how long a file an episode no longer uses (replaced audio, artwork, transcript) is kept in
 *                 data/retired/, its old URL redirecting to the new file, before it is deleted (default 30)
 */
public record StorageSettings(String episodes, String data, Integer retainDays) {
    public StorageSettings {
        retainDays = retainDays == null ? 30 : retainDays;
        episodes = episodes == null ? "episodes" : episodes;
        data = data == null ? "data" : data;
    }
}
