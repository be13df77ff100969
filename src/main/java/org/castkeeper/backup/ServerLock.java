package org.castkeeper.backup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A lock on the data folder that the server holds while it runs (data/serve.lock, an operating-system lock that
 * ends with the process, even on kill -9). A restore takes it first, so it can never swap the data out from
 * under a running server.
 */
public final class ServerLock implements AutoCloseable {
    static final String FILE = "serve.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private ServerLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** For a server: a shared lock, which any number of servers sharing the data folder may hold at once. */
    public static ServerLock forServer(Path dataDir) throws IOException {
        FileChannel channel = open(dataDir);
        return new ServerLock(channel, channel.lock(0, Long.MAX_VALUE, true));
    }

    private static FileChannel open(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        return FileChannel.open(
                dataDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** For a restore: the lock to itself, or null while any server holds its shared lock. */
    public static ServerLock tryAcquire(Path dataDir) throws IOException {
        FileChannel channel = open(dataDir);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return null;
            }
            return new ServerLock(channel, lock);
        } catch (OverlappingFileLockException heldHere) {
            channel.close();
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
