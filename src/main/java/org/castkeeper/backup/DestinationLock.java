package org.castkeeper.backup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One backup at a time into a destination (DEST/backup.lock, an operating-system lock that ends with the process,
 * even on kill -9): a second backup, from a timer and a command at the same moment, or from two instances, waits
 * for the first, and says which one holds it when the wait is over.
 */
final class DestinationLock implements AutoCloseable {
    static final String FILE = "backup.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DestinationLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, waiting up to {@code wait} for another backup to finish. */
    static DestinationLock take(Path dest, Duration wait, Clock clock) throws IOException {
        Files.createDirectories(dest);
        Path file = dest.resolve(FILE);
        Instant until = clock.instant().plus(wait);
        while (true) {
            FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisProcess) {
                lock = null;
            }
            if (lock != null) {
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(
                        ("process " + ProcessHandle.current().pid() + ", since " + clock.instant() + "\n")
                                .getBytes(StandardCharsets.UTF_8)));
                channel.force(false);
                return new DestinationLock(channel, lock);
            }
            channel.close();
            if (!clock.instant().isBefore(until)) {
                String holder;
                try {
                    holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                } catch (IOException unreadable) {
                    holder = "another process";
                }
                throw new IOException("Another backup is writing to " + dest + " (" + holder + "); nothing was"
                        + " taken. Run it again when that one has finished.");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for another backup to finish", e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
