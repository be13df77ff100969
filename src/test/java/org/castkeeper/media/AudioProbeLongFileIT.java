package org.castkeeper.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.castkeeper.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A two-hour episode (about 58 MB at 64 kbps), built from the frames of a real fixture. Its duration must be exact,
 * and probing it must work in a JVM whose whole heap is smaller than the file.
 */
class AudioProbeLongFileIT {
    static final long TWO_HOURS_OF_FRAMES = 2 * 3600L * 44100 / 1152 + 1;

    @TempDir
    static Path dir;

    static Path longFile;
    static long frames;

    @BeforeAll
    static void buildTwoHourFile() throws Exception {
        byte[] source = Files.readAllBytes(Fixtures.mp3("untagged.mp3"));
        // The fixture is an Info frame followed by 116 audio frames of 208 bytes (64 kbps at 44.1 kHz), some with a
        // padding byte. Skip the Info frame, copy the audio frames as they are and repeat the whole run.
        int infoFrame = 208 + ((source[2] >> 1) & 1);
        byte[] audio = Arrays.copyOfRange(source, infoFrame, source.length);
        int framesPerRun = 116;
        long runs = (TWO_HOURS_OF_FRAMES + framesPerRun - 1) / framesPerRun;
        frames = runs * framesPerRun;
        longFile = dir.resolve("two-hours.mp3");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(longFile), 1 << 20)) {
            // An ID3v2.3 tag with one TIT2 frame: "ID3", version 3.0, no flags, synchsafe size, then the frame.
            byte[] title = "\0Two hours".getBytes(StandardCharsets.ISO_8859_1);
            out.write("ID3".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[] {3, 0, 0, 0, 0, 0, (byte) (10 + title.length)});
            out.write("TIT2".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[] {0, 0, 0, (byte) title.length, 0, 0});
            out.write(title);
            for (long i = 0; i < runs; i++) {
                out.write(audio);
            }
        }
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
