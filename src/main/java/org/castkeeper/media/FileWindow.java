package org.castkeeper.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Byte-at-a-time reads from a file through one small buffer, so a two-hour episode is scanned in 64 KiB steps and
 * never held in memory. Reads are mostly sequential; a look-ahead past the buffer just refills it.
 */
final class FileWindow {
    private static final int SIZE = 64 * 1024;

    private final FileChannel channel;
    private final long fileSize;
    private final ByteBuffer buffer = ByteBuffer.allocate(SIZE);
    private long bufferStart = -1;
    private int bufferLength;

    FileWindow(FileChannel channel, long fileSize) {
        this.channel = channel;
        this.fileSize = fileSize;
    }

    long size() {
        return fileSize;
    }

    /** The unsigned byte at {@code position}, or -1 past the end of the file. */
    int get(long position) throws IOException {
        if (position < 0 || position >= fileSize) {
            return -1;
        }
        if (bufferStart < 0 || position < bufferStart || position >= bufferStart + bufferLength) {
            fill(position);
        }
        return buffer.get((int) (position - bufferStart)) & 0xFF;
    }

    /** Reads {@code length} bytes at {@code position}, or fewer at the end of the file. */
    byte[] read(long position, int length) throws IOException {
        int n = (int) Math.max(0, Math.min(length, fileSize - position));
        ByteBuffer target = ByteBuffer.allocate(n);
        while (target.hasRemaining()) {
            if (channel.read(target, position + target.position()) < 0) {
                throw new IOException("unexpected end of file at " + (position + target.position()));
            }
        }
        return target.array();
    }

    private void fill(long position) throws IOException {
        buffer.clear();
        bufferStart = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, bufferStart + buffer.position());
            if (n < 0) {
                break;
            }
        }
        bufferLength = buffer.position();
    }
}
