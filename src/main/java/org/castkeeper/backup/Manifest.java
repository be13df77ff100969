package org.castkeeper.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What one snapshot holds: the media files its catalogue references, each by its path in the media store, its
 * size and its SHA-256 (the file's name in the shared pool), and the show artwork's file name.
 */
record Manifest(int version, String takenAt, String database, String showArtwork, List<Entry> media) {
    static final int VERSION = 1;
    static final String FILE = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    record Entry(String path, long size, String sha256) {}

    void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    static Manifest read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Manifest.class);
    }

    long totalBytes() {
        return media.stream().mapToLong(Entry::size).sum();
    }
}
