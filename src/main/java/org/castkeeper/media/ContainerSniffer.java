package org.castkeeper.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Recognises MP4 (M4A) files, and the files people most often save with an .mp3 name by mistake (WAV, raw AAC,
 * Ogg, FLAC, text), from their first bytes, so the host is told what the file really is instead of "no MPEG frames found".
 */
final class ContainerSniffer {
    private static final int HEAD = 512;

    private ContainerSniffer() {}

    /** Whether the file is an ISO media file (MP4, M4A): its first box is "ftyp". */
    static boolean isMp4(Path file, long size) throws IOException {
        return size > 0 && startsWith(head(file, size), 4, "ftyp");
    }

    /** Throws when the file is clearly not MP3; returns quietly when it may be. */
    static void rejectKnownImpostors(Path file, long size) throws IOException, AudioRejected {
        if (size == 0) {
            throw new AudioRejected("The file is empty (0 bytes). Export the episode again and re-upload it.");
        }
        byte[] head = head(file, size);
        if (startsWith(head, 0, "RIFF") && startsWith(head, 8, "WAVE")) {
            throw new AudioRejected("This is a WAV file, not an MP3. Export the episode as MP3 and upload that.");
        }
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xF6) == 0xF0) {
            // An ADTS sync word has layer bits 00, which MPEG audio never uses: this is raw AAC.
            throw new AudioRejected("This is AAC audio (ADTS) with an .mp3 name, not MP3. Export the episode as MP3.");
        }
        if (startsWith(head, 0, "OggS")) {
            throw new AudioRejected("This is an Ogg file (Vorbis or Opus), not an MP3. Export the episode as MP3.");
        }
        if (startsWith(head, 0, "fLaC")) {
            throw new AudioRejected("This is a FLAC file, not an MP3. Export the episode as MP3.");
        }
        if (!startsWith(head, 0, "ID3") && looksLikeText(head)) {
            throw new AudioRejected("This is a text file, not audio. Check that you picked the right file.");
        }
    }

    private static byte[] head(Path file, long size) throws IOException {
        byte[] head = new byte[(int) Math.min(HEAD, size)];
        try (InputStream in = Files.newInputStream(file)) {
            int read = in.readNBytes(head, 0, head.length);
            if (read < head.length) {
                throw new IOException("file shrank while being read: " + file);
            }
        }
        return head;
    }

    private static boolean startsWith(byte[] bytes, int offset, String ascii) {
        byte[] expected = ascii.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** Text: no NUL bytes and almost every byte printable ASCII, whitespace or part of UTF-8. */
    private static boolean looksLikeText(byte[] head) {
        int odd = 0;
        for (byte b : head) {
            int c = b & 0xFF;
            if (c == 0) {
                return false;
            }
            boolean text = c == '\n' || c == '\r' || c == '\t' || (c >= 0x20 && c < 0x7F) || c >= 0x80 && c < 0xF5;
            if (!text) {
                odd++;
            }
        }
        return odd * 100 <= head.length;
    }
}
