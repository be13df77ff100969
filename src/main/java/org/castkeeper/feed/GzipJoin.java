package org.castkeeper.feed;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

/**
 * One gzip stream (RFC 1952, a single member) made of parts compressed separately, so that a feed whose items did
 * not change is compressed again only where it did. Each part is raw DEFLATE (RFC 1951) ended with a sync flush,
 * which closes it on a byte boundary with no final block; the last part is finished. The joined stream is what
 * pigz writes when it compresses a file in parallel, and any gzip reader reads it as one stream.
 *
 * <p>The JDK has no way to join deflate streams, and no library we use offers one; the format needs only the
 * header, the parts in order and a trailer with the CRC-32 and length of the whole text.
 */
final class GzipJoin {
    /** The header GZIPOutputStream writes: deflate, no name, no time, no flags. */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0};

    private GzipJoin() {}

    /** {@code text} as raw DEFLATE that can be followed by more: sync-flushed, no final block. */
    static byte[] part(byte[] text) {
        return deflate(text, new byte[0], false);
    }

    /**
     * As {@link #part(byte[])}, where {@code before} is the text that comes just before it in the stream: the
     * compressor may refer back into its last 32 KiB, which a reader of the whole stream has in its window.
     */
    static byte[] part(byte[] text, byte[] before) {
        return deflate(text, before, false);
    }

    /** {@code text} as the last raw DEFLATE part of a stream. */
    static byte[] lastPart(byte[] text) {
        return deflate(text, new byte[0], true);
    }

    /**
     * The gzip stream of the parts in order.
     *
     * @param crc32  the CRC-32 of the whole uncompressed text
     * @param length the whole uncompressed text's length in bytes
     */
    static byte[] join(List<byte[]> parts, long crc32, long length) {
        int size = HEADER.length + 8;
        for (byte[] p : parts) {
            size += p.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(HEADER);
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        writeIntLe(out, crc32);
        writeIntLe(out, length);
        return out.toByteArray();
    }

    /**
     * The CRC-32 of two texts one after the other, from the CRC-32 of each and the second's length: zlib's
     * {@code crc32_combine}, which the JDK's {@link java.util.zip.CRC32} lacks. A feed's checksum is then the runs'
     * checksums combined, in time that does not grow with the feed, instead of its every byte read again.
     */
    static long crc32Combine(long crc1, long crc2, long length2) {
        return (multiplyModP(powerOfXModP(length2, 3), (int) crc1) ^ (int) crc2) & 0xffffffffL;
    }

    /** The CRC-32 polynomial, reflected, as zlib writes it. */
    private static final int POLY = 0xedb88320;

    /** x^(2^n) modulo the polynomial, for n = 0 to 31 (zlib's x2n_table). */
    private static final int[] X_POWERS = new int[32];

    static {
        int p = 1 << 30; // x^1
        X_POWERS[0] = p;
        for (int n = 1; n < 32; n++) {
            p = multiplyModP(p, p);
            X_POWERS[n] = p;
        }
    }

    /** a(x) * b(x) modulo the polynomial, bits reflected (zlib's multmodp); {@code a} is never 0. */
    private static int multiplyModP(int a, int b) {
        int m = 1 << 31;
        int product = 0;
        while (true) {
            if ((a & m) != 0) {
                product ^= b;
                if ((a & (m - 1)) == 0) {
                    return product;
                }
            }
            m >>>= 1;
            b = (b & 1) != 0 ? (b >>> 1) ^ POLY : b >>> 1;
        }
    }

    /** x^(n * 2^k) modulo the polynomial (zlib's x2nmodp): k = 3 turns a length in bytes into bits. */
    private static int powerOfXModP(long n, int k) {
        int p = 1 << 31; // x^0
        while (n != 0) {
            if ((n & 1) != 0) {
                p = multiplyModP(X_POWERS[k & 31], p);
            }
            n >>>= 1;
            k++;
        }
        return p;
    }

    private static void writeIntLe(ByteArrayOutputStream out, long value) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }

    private static byte[] deflate(byte[] text, byte[] before, boolean last) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            if (before.length > 0) {
                int window = Math.min(before.length, 32 * 1024);
                deflater.setDictionary(before, before.length - window, window);
            }
            deflater.setInput(text);
            if (last) {
                deflater.finish();
            }
            byte[] buffer = new byte[text.length / 3 + 64];
            int length = 0;
            while (true) {
                int room = buffer.length - length;
                int written = deflater.deflate(buffer, length, room, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
                length += written;
                // A sync flush is complete when it did not fill the room it had (Deflater's contract).
                if (last ? deflater.finished() : written < room) {
                    return Arrays.copyOf(buffer, length);
                }
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
        } finally {
            deflater.end();
        }
    }
}
