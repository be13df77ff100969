package org.castkeeper.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.castkeeper.testing.LongMp3;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A two-hour episode (about 58 MB at 64 kbps), built from the frames of a real fixture. Its duration must be exact,
 * and probing it must work in a JVM whose whole heap is smaller than the file.
 */
class AudioProbeLongFileIT {
    @TempDir
    static Path dir;

    static Path longFile;
    static long frames;

    @BeforeAll
    static void buildTwoHourFile() throws Exception {
        longFile = dir.resolve("two-hours.mp3");
        frames = LongMp3.write(longFile, "Two hours", 2 * 3600L);
    }

    @Test
    void durationOfATwoHourFileIsExact() throws Exception {
        AudioFacts facts = new AudioProbe().probe(longFile);
        assertThat(facts.frameCount()).isEqualTo(frames);
        assertThat(facts.durationMillis()).isEqualTo(frames * 1152 * 1000 / 44100);
        assertThat(facts.durationSeconds()).isBetween(7200, 7210);
        assertThat(facts.sizeBytes()).isGreaterThan(50_000_000L);
        assertThat(facts.warnings()).isEmpty();
        assertThat(facts.tags().title()).isEqualTo("Two hours");
    }

    @Test
    void probingNeverHoldsTheFileInMemory() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(
                        java,
                        "-Xmx16m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ProbeInSmallHeap.class.getName(),
                        longFile.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).isEqualTo((frames * 1152 * 1000 / 44100) + " " + frames);
        assertThat(Files.size(longFile))
                .as("the file is bigger than the child's whole heap")
                .isGreaterThan(16L * 1024 * 1024 * 3);
    }
}
