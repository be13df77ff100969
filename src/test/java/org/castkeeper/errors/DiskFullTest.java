package org.castkeeper.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The one answer to "was this a full disk?", for the messages each writer really gets. */
class DiskFullTest {
    @Test
    void recognisesAFullDiskHoweverItSurfaces() {
        assertThat(DiskFull.caused(new FileSystemException("/data/media/x.part", null, "No space left on device")))
                .isTrue();
        assertThat(DiskFull.caused(new IOException("Disk quota exceeded"))).isTrue();
        assertThat(DiskFull.caused(new RuntimeException(
                        "jOOQ failed",
                        new SQLException("[SQLITE_FULL] Insertion failed because database is full (database or disk"
                                + " is full)"))))
                .isTrue();
        assertThat(DiskFull.caused(new UncheckedIOException(new IOException("No space left on device"))))
                .as("found down the chain of causes")
                .isTrue();
    }

    @Test
    void otherFailuresAreNotAFullDisk() {
        assertThat(DiskFull.caused(new IOException("Connection reset by peer"))).isFalse();
        assertThat(DiskFull.caused(new IOException("HTTP 429: request quota for this host used up")))
                .isFalse();
        assertThat(DiskFull.caused(new IOException((String) null))).isFalse();
        assertThat(DiskFull.caused(null)).isFalse();
    }
}
