package org.castkeeper.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The media endpoint's memory of where files are never serves a file that changed or went. */
class LocalFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFileIsFoundOnceThenCheckedAndForgottenWhenItGoes() throws Exception {
        MediaFolder store = new MediaFolder(dir.resolve("media"));
        LocalFiles files = new LocalFiles(store);
        Path file = Files.createDirectories(dir.resolve("media")).resolve("a.mp3");
        Files.write(file, new byte[10]);

        assertThat(files.find("a.mp3")).get().extracting(LocalFiles.Found::size).isEqualTo(10L);
        Files.write(file, new byte[25]);
        assertThat(files.find("a.mp3")).get().extracting(LocalFiles.Found::size).isEqualTo(25L);
        Files.delete(file);
        assertThat(files.find("a.mp3")).isEmpty();
        assertThat(files.find("../outside.mp3")).isEmpty();
    }
}
