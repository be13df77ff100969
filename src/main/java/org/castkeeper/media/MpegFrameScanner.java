package org.castkeeper.media;

import com.mpatric.mp3agic.InvalidDataException;
import com.mpatric.mp3agic.MpegFrame;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks every MPEG audio frame of a file, streaming, to count frames and bitrates.
 *
 * <p>mp3agic decodes each 4-byte frame header ({@link MpegFrame}); the walk itself is ours because mp3agic's
 * {@code Mp3File} keeps file offsets in an {@code int} (wrong beyond 268 MB), sizes MPEG-2 layer III frames with
 * the MPEG-1 formula, stops at the first damaged frame and reads whatever follows it into memory.
 */
final class MpegFrameScanner {
    /** How many frames in a row must agree before a sync word is believed: junk often looks like one header. */
    private static final int CONFIRMING_FRAMES = 3;

    private MpegFrameScanner() {}

    record Header(
            String version,
            String layer,
            int bitrateKbps,
            int sampleRate,
            boolean mono,
            int length,
            int samples,
            boolean crc) {
        boolean sameStreamAs(Header other) {
            return version.equals(other.version) && layer.equals(other.layer) && sampleRate == other.sampleRate;
        }
    }

    record Scan(
            Header first,
            long audioStart,
            long frames,
            long bitrateSum,
            boolean variable,
            Long xingFrames,
            List<String> warnings) {
        long durationMillis() {
            return frames * first.samples() * 1000L / first.sampleRate();
        }

        int averageBitrateKbps() {
            return (int) Math.round((double) bitrateSum / frames);
        }
    }

    /**
     * @param from  where to start looking (just after an ID3v2 tag, if any)
     * @param limit where audio must end (the start of an ID3v1 tag, or the file size)
     * @return null when no run of MPEG audio frames exists in the file
     */
    static Scan scan(FileWindow file, long from, long limit) throws IOException {
        long start = findRun(file, from, limit);
        if (start < 0) {
            return null;
        }
        List<String> warnings = new ArrayList<>();
        if (start > from) {
            warnings.add("Skipped " + (start - from) + " bytes of unknown data before the audio.");
        }
        Header first = header(file, start);
        VbrHeader vbr = vbrHeader(file, start, first);
        Long xingFrames = vbr == null ? null : vbr.frames();
        // The Xing/Info/VBRI frame is a valid MPEG frame that carries no audio: players skip it, and so do we.
        long position = vbr != null ? start + first.length() : start;

        long frames = 0;
        long bitrateSum = 0;
        int firstBitrate = -1;
        boolean variable = false;
        long damaged = 0;
        while (position + 4 <= limit) {
            Header h = header(file, position);
            if (h == null || !h.sameStreamAs(first)) {
                long next = findRun(file, position + 1, limit);
                if (next < 0) {
                    break;
                }
                damaged += next - position;
                position = next;
                continue;
            }
            if (position + h.length() > limit) {
                warnings.add("The file ends in the middle of an audio frame: it looks truncated.");
                break;
            }
            frames++;
            bitrateSum += h.bitrateKbps();
            if (firstBitrate < 0) {
                firstBitrate = h.bitrateKbps();
            } else if (h.bitrateKbps() != firstBitrate) {
                variable = true;
            }
            position += h.length();
        }
        if (frames == 0) {
            return null;
        }
        if (damaged > 0) {
            warnings.add("Skipped " + damaged + " bytes of damaged audio.");
        }
        if (xingFrames != null && xingFrames > frames + 1) {
            warnings.add("The file's header promises " + xingFrames + " audio frames but only " + frames
                    + " are present: it looks truncated.");
        }
        return new Scan(first, start, frames, bitrateSum, variable, xingFrames, warnings);
    }

    /** The first position at or after {@code from} where {@value CONFIRMING_FRAMES} consistent frames follow. */
    private static long findRun(FileWindow file, long from, long limit) throws IOException {
        for (long p = from; p + 4 <= limit; p++) {
            if (file.get(p) != 0xFF || (file.get(p + 1) & 0xE0) != 0xE0) {
                continue;
            }
            Header h = header(file, p);
            if (h != null && confirmed(file, p, h, limit)) {
                return p;
            }
        }
        return -1;
    }

    private static boolean confirmed(FileWindow file, long position, Header first, long limit) throws IOException {
        long p = position + first.length();
        for (int i = 1; i < CONFIRMING_FRAMES; i++) {
            if (p + 4 > limit) {
                // A very short file, or the very end: what is there must still be whole frames.
                return p == limit && i > 1;
            }
            Header next = header(file, p);
            if (next == null || !next.sameStreamAs(first)) {
                return false;
            }
            p += next.length();
        }
        return true;
    }

    /** Decodes the header at {@code position} with mp3agic, or returns null when there is none. */
    static Header header(FileWindow file, long position) throws IOException {
        int b0 = file.get(position);
        int b1 = file.get(position + 1);
        int b2 = file.get(position + 2);
        int b3 = file.get(position + 3);
        if (b0 != 0xFF || (b1 & 0xE0) != 0xE0 || b3 < 0) {
            return null;
        }
        try {
            MpegFrame frame = new MpegFrame((byte) b0, (byte) b1, (byte) b2, (byte) b3);
            String version = frame.getVersion();
            String layer = frame.getLayer();
            int bitrate = frame.getBitrate();
            int rate = frame.getSampleRate();
            int pad = frame.hasPadding() ? 1 : 0;
            boolean mpeg1 = MpegFrame.MPEG_VERSION_1_0.equals(version);
            int length;
            int samples;
            switch (layer) {
                case MpegFrame.MPEG_LAYER_1 -> {
                    length = (12 * bitrate * 1000 / rate + pad) * 4;
                    samples = 384;
                }
                case MpegFrame.MPEG_LAYER_2 -> {
                    length = 144 * bitrate * 1000 / rate + pad;
                    samples = 1152;
                }
                default -> {
                    length = (mpeg1 ? 144 : 72) * bitrate * 1000 / rate + pad;
                    samples = mpeg1 ? 1152 : 576;
                }
            }
            boolean mono = MpegFrame.CHANNEL_MODE_MONO.equals(frame.getChannelMode());
            return new Header(version, layer, bitrate, rate, mono, length, samples, !frame.isProtection());
        } catch (InvalidDataException | RuntimeException notAHeader) {
            return null;
        }
    }

    /** Where a Xing/Info header would sit in this frame: after the 4-byte header, CRC and side information. */
    private static long sideInfoEnd(long frameStart, Header h) {
        boolean mpeg1 = MpegFrame.MPEG_VERSION_1_0.equals(h.version());
        int sideInfo = mpeg1 ? (h.mono() ? 17 : 32) : (h.mono() ? 9 : 17);
        return frameStart + 4 + (h.crc() ? 2 : 0) + sideInfo;
    }

    /** A LAME/Xing "Xing" or "Info" header, or a Fraunhofer "VBRI" header; frames is null when not declared. */
    private record VbrHeader(Long frames) {}

    private static VbrHeader vbrHeader(FileWindow file, long frameStart, Header h) throws IOException {
        long at = sideInfoEnd(frameStart, h);
        if (matches(file, at, "Xing") || matches(file, at, "Info")) {
            int flags = readInt(file, at + 4);
            return new VbrHeader((flags & 1) != 0 ? readInt(file, at + 8) & 0xFFFFFFFFL : null);
        }
        if (matches(file, frameStart + 36, "VBRI")) {
            return new VbrHeader(readInt(file, frameStart + 36 + 14) & 0xFFFFFFFFL);
        }
        return null;
    }

    private static boolean matches(FileWindow file, long at, String ascii) throws IOException {
        for (int i = 0; i < ascii.length(); i++) {
            if (file.get(at + i) != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int readInt(FileWindow file, long at) throws IOException {
        return (file.get(at) << 24) | (file.get(at + 1) << 16) | (file.get(at + 2) << 8) | file.get(at + 3);
    }
}
