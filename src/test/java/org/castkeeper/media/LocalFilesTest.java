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

        assertThat(files.find("a.mp3", false))
                .get()
                .extracting(LocalFiles.Found::size)
                .isEqualTo(10L);
        Files.write(file, new byte[25]);
        assertThat(files.find("a.mp3", false))
                .get()
                .extracting(LocalFiles.Found::size)
                .isEqualTo(25L);
        Files.delete(file);
        assertThat(files.find("a.mp3", false)).isEmpty();
        assertThat(files.find("../outside.mp3", false)).isEmpty();
    }

    @Test
    void smallAnswersTrustAStatForASecondAndDownloadsNever() throws Exception {
        MediaFolder store = new MediaFolder(dir.resolve("media"));
        long[] nanos = {0};
        LocalFiles files = new LocalFiles(store, () -> nanos[0]);
        Path file = Files.createDirectories(dir.resolve("media")).resolve("a.mp3");
        Files.write(file, new byte[10]);
        assertThat(files.find("a.mp3", true))
                .get()
                .extracting(LocalFiles.Found::size)
                .isEqualTo(10L);

        // Changed by hand: a probe within the second is answered from the last stat, a download sees it at once
        // (and so do the probes after it).
        Files.write(file, new byte[25]);
        nanos[0] += LocalFiles.STILL_VALID_NANOS - 1;
        assertThat(files.find("a.mp3", true))
                .get()
                .extracting(LocalFiles.Found::size)
                .isEqualTo(10L);
        assertThat(files.find("a.mp3", false))
                .get()
                .extracting(LocalFiles.Found::size)
                .isEqualTo(25L);
        Files.write(file, new byte[40]);
        assertThat(files.find("a.mp3", true))
                .get()
                .extracting(LocalFiles.Found::size)
                .isEqualTo(25L);

        // A second later the probe stats again.
        nanos[0] += LocalFiles.STILL_VALID_NANOS;
        assertThat(files.find("a.mp3", true))
                .get()
                .extracting(LocalFiles.Found::size)
                .isEqualTo(40L);
        Files.delete(file);
        nanos[0] += LocalFiles.STILL_VALID_NANOS;
        assertThat(files.find("a.mp3", true)).isEmpty();
    }
}
