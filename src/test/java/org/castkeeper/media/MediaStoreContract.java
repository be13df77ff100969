package org.castkeeper.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link MediaStore} promises. A subclass per implementation supplies the store: the folder today, an
 * S3-compatible bucket next; the callers rely on nothing else.
 */
public abstract class MediaStoreContract {
    @TempDir
    protected Path scratch;

    protected MediaStore store;

    /** A new, empty store. */
    protected abstract MediaStore newStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = newStore();
    }

    private static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private Path localFile(String name, byte[] content) throws IOException {
        Path file = scratch.resolve(name);
        Files.write(file, content);
        return file;
    }

    @Test
    void whatIsStoredReadsBackWholeAndInRanges() throws Exception {
        byte[] audio = bytes(300_000, 1);
        String name = store.storeCopy(localFile("in.mp3", audio), "episode-1a2b.mp3");

        assertThat(name).isEqualTo("episode-1a2b.mp3");
        assertThat(store.stat(name))
                .hasValueSatisfying(s -> assertThat(s.size()).isEqualTo(300_000));
        try (InputStream all = store.read(name, 0, Long.MAX_VALUE)) {
            assertThat(all.readAllBytes()).isEqualTo(audio);
        }
        try (InputStream range = store.read(name, 1000, 10)) {
            assertThat(range.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(audio, 1000, 1010));
        }
        try (InputStream tail = store.read(name, 299_990, 100)) {
            assertThat(tail.readAllBytes()).hasSize(10);
        }
        assertThat(store.list()).containsExactly("episode-1a2b.mp3");
    }

    @Test
    void aCopyLeavesItsSourceAndAMoveTakesIt() throws Exception {
        Path source = localFile("copy.mp3", bytes(1000, 2));
        store.storeCopy(source, "a/copied.mp3");
        assertThat(source).exists();
        Path upload = localFile("upload.mp3", bytes(1000, 3));
        store.storeMove(upload, "a/moved.mp3");
        assertThat(upload).doesNotExist();
        assertThat(store.list()).containsExactlyInAnyOrder("a/copied.mp3", "a/moved.mp3");
    }

    @Test
    void aWriteThatFailsHalfWayLeavesNothingVisible() throws Exception {
        InputStream breaks = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 5000) {
                    throw new IOException("the connection was cut");
                }
                return 7;
            }
        };
        assertThatThrownBy(() -> store.write("cut.mp3", breaks)).isInstanceOf(IOException.class);
        assertThat(store.stat("cut.mp3")).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void aNameTakenByOtherContentGetsAFreeVariantAndTheSameContentIsAdopted() throws Exception {
        byte[] first = bytes(2000, 4);
        assertThat(store.write("show.mp3", new ByteArrayInputStream(first))).isEqualTo("show.mp3");
        String other = store.write("show.mp3", new ByteArrayInputStream(bytes(2000, 5)));
        assertThat(other).isNotEqualTo("show.mp3").endsWith(".mp3");
        try (InputStream kept = store.read("show.mp3", 0, Long.MAX_VALUE)) {
            assertThat(kept.readAllBytes()).as("nothing is replaced").isEqualTo(first);
        }
        assertThat(store.storeCopy(localFile("again.mp3", first), "show.mp3"))
                .as("adopted")
                .isEqualTo("show.mp3");
    }

    @Test
    void writeIfAbsentKeepsWhatIsThere() throws Exception {
        store.writeIfAbsent("one".getBytes(StandardCharsets.UTF_8), "artwork/x.jpg");
        store.writeIfAbsent("two".getBytes(StandardCharsets.UTF_8), "artwork/x.jpg");
        try (InputStream art = store.read("artwork/x.jpg", 0, 100)) {
            assertThat(new String(art.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("one");
        }
    }

    @Test
    void deletedIsGone() throws Exception {
        store.writeIfAbsent(new byte[] {1, 2, 3}, "gone.vtt");
        store.delete("gone.vtt");
        store.delete("never-there.vtt");
        assertThat(store.stat("gone.vtt")).isEmpty();
        assertThatThrownBy(() -> store.read("gone.vtt", 0, 1)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void noNameLeavesTheStore() throws Exception {
        for (String hostile :
                new String[] {"../outside.mp3", "a/../../outside.mp3", "/etc/passwd", "a\\b.mp3", "nul\0.mp3", "", ".."
                }) {
            assertThat(store.accepts(hostile)).as(hostile).isFalse();
            assertThat(store.stat(hostile)).as(hostile).isEmpty();
            assertThat(store.localFile(hostile)).as(hostile).isEmpty();
            assertThatThrownBy(() -> store.read(hostile, 0, 1)).as(hostile).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> store.writeIfAbsent(new byte[] {1}, hostile))
                    .as(hostile)
                    .isInstanceOf(IOException.class);
        }
        assertThat(store.list()).isEmpty();
    }

    @Test
    void aRetiredFileIsOutOfSightUntilItIsPurged() throws Exception {
        byte[] old = bytes(4000, 6);
        store.writeIfAbsent(old, "replaced.mp3");
        assertThat(store.retire("replaced.mp3")).isTrue();

        assertThat(store.stat("replaced.mp3")).isEmpty();
        assertThat(store.localFile("replaced.mp3")).isEmpty();
        assertThat(store.list()).isEmpty();
        assertThat(store.retire("replaced.mp3")).as("nothing left to retire").isFalse();

        // The name can be used again meanwhile; purging the retired copy leaves the new file alone.
        store.writeIfAbsent(bytes(10, 7), "replaced.mp3");
        assertThat(store.purgeRetired("replaced.mp3")).isTrue();
        assertThat(store.purgeRetired("replaced.mp3")).isFalse();
        assertThat(store.stat("replaced.mp3"))
                .hasValueSatisfying(s -> assertThat(s.size()).isEqualTo(10));
        assertThat(store.purgeRetired("../outside.mp3")).isFalse();
    }
}
