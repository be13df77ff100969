package org.castkeeper.testing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A long MP3 made from the frames of a real fixture (untagged.mp3: 64 kbps mono at 44.1 kHz): its Info frame is
 * left out, so the length is measured from the frames, and an ID3v2.3 tag with a title goes first.
 */
public final class LongMp3 {
    /** The fixture's audio frames after its Info frame. */
    public static final int FRAMES_PER_RUN = 116;

    private LongMp3() {}

    /**
     * Writes at least {@code seconds} of audio to {@code target}.
     *
     * @return the number of frames written (1,152 samples each)
     */
    public static long write(Path target, String title, long seconds) throws IOException {
        byte[] source = Files.readAllBytes(Fixtures.mp3("untagged.mp3"));
        // 116 audio frames of 208 bytes (some with a padding byte) follow the Info frame.
        int infoFrame = 208 + ((source[2] >> 1) & 1);
        byte[] audio = Arrays.copyOfRange(source, infoFrame, source.length);
        long frames = seconds * 44100 / 1152 + 1;
        long runs = (frames + FRAMES_PER_RUN - 1) / FRAMES_PER_RUN;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 20)) {
            // "ID3", version 3.0, no flags, synchsafe size, then one TIT2 frame.
            byte[] text = ("\0" + title).getBytes(StandardCharsets.ISO_8859_1);
            out.write("ID3".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[] {3, 0, 0, 0, 0, 0, (byte) (10 + text.length)});
            out.write("TIT2".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[] {0, 0, 0, (byte) text.length, 0, 0});
            out.write(text);
            for (long i = 0; i < runs; i++) {
                out.write(audio);
            }
        }
        return runs * FRAMES_PER_RUN;
    }
}
