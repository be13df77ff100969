package org.castkeeper.config;

/**
 * @param episodes the media folder: audio files live here, and MP3s dropped into it are imported
 * @param data     where Castkeeper keeps its own files: the SQLite catalogue by default
 */
public record StorageSettings(String episodes, String data) {
    public StorageSettings {
        episodes = episodes == null ? "episodes" : episodes;
        data = data == null ? "data" : data;
    }
}
