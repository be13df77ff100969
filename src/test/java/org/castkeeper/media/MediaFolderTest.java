package org.castkeeper.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaFolderTest {
    @TempDir
    Path dir;

    @Test
    void onlyPartialFilesNobodyCanStillBeWritingAreRemoved() throws Exception {
        MediaFolder store = new MediaFolder(dir);
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        Path stale = Files.writeString(
                Files.createDirectories(dir.resolve(".uploads")).resolve(".upload-1.part"), "x");
        Path fresh = Files.writeString(dir.resolve(".incoming-2.part"), "x");
        Path kept = Files.writeString(dir.resolve("episode-0123456789.mp3"), "x");
        Files.setLastModifiedTime(stale, FileTime.from(now.minus(Duration.ofMinutes(16))));
        Files.setLastModifiedTime(fresh, FileTime.from(now.minus(Duration.ofMinutes(14))));
        Files.setLastModifiedTime(kept, FileTime.from(now.minus(Duration.ofDays(400))));

        assertThat(store.unfinished())
                .extracting(MediaStore.Unfinished::name)
                .containsExactly(".uploads/.upload-1.part", ".incoming-2.part");
        assertThat(store.clearUnfinished(now.minus(store.abandonedAfter())))
                .extracting(MediaStore.Unfinished::name)
                .containsExactly(".uploads/.upload-1.part");
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(kept).exists();
    }

    @Test
    void aCopyLeftByAnInterruptedRunIsAdoptedNotDuplicated() throws Exception {
        MediaFolder store = new MediaFolder(dir.resolve("store"));
        Path source = Files.writeString(dir.resolve("take.mp3"), "the audio");
        assertThat(store.storeCopy(source, "take-0123456789.mp3")).isEqualTo("take-0123456789.mp3");
        assertThat(store.storeCopy(source, "take-0123456789.mp3")).isEqualTo("take-0123456789.mp3");
        try (var files = Files.list(store.root())) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("take-0123456789.mp3");
        }
        assertThat(source).as("a copy leaves the source alone").exists();
    }
}
