package org.castkeeper.feedimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Downloads an old feed's files byte for byte into the spool folder: at most {@value #PER_HOST} at once from one
 * host (the caller runs at most four in all), a few tries with a pause between them for failures that may pass
 * (timeouts, 5xx, 429), and the free space checked as the bytes arrive. A download is a ".part" file until it is
 * complete, so a crash leaves nothing that looks finished; the next run removes the parts.
 */
final class Downloads {
    static final int PER_HOST = 2;
    static final int TRIES = 3;
    private static final long CHECK_SPACE_EVERY = 16L * 1024 * 1024;

    private final WebClient web;
    private final Path spool;
    private final long keepFree;
    private final long pauseMillis;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();

    /**
     * @param keepFree    bytes that must stay free on the spool's disk; a download that would go below stops
     * @param pauseMillis the pause before the second try (doubled before the third)
     */
    Downloads(WebClient web, Path spool, long keepFree, long pauseMillis) {
        this.web = web;
        this.spool = spool;
        this.keepFree = keepFree;
        this.pauseMillis = pauseMillis;
    }

    /** A finished download. {@code bytes} is what arrived, whatever the feed's length attribute said. */
    record Downloaded(Path file, long bytes, String contentType) {}

    /** Why a file could not be downloaded, in the host's words. */
    static final class Failed extends Exception {
        Failed(String message) {
            super(message);
        }
    }

    /** The disk filled up: the whole import stops, cleanly. */
    static final class DiskFull extends IOException {
        DiskFull(String message) {
            super(message);
        }
    }

    /** Removes the parts of downloads a stopped run left behind. */
    void removeLeftovers() throws IOException {
        Files.createDirectories(spool);
        try (var files = Files.list(spool)) {
            for (Path f : files.toList()) {
                if (String.valueOf(f.getFileName()).endsWith(".part")) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    long usableSpace() throws IOException {
        Files.createDirectories(spool);
        return Files.getFileStore(spool).getUsableSpace();
    }

    /**
     * Downloads {@code url} (as written in the feed: its percent-encoding is kept) to a new file in the spool.
     *
     * @param maxBytes a download larger than this fails (a feed's transcript or artwork is small)
     */
    Downloaded fetch(String url, long maxBytes) throws Failed, DiskFull, InterruptedException {
        URI uri;
        try {
            uri = new URI(url.strip().replace(" ", "%20"));
        } catch (URISyntaxException e) {
            throw new Failed("the address is not a valid URL");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        Semaphore slot = hosts.computeIfAbsent(host, h -> new Semaphore(PER_HOST, true));
        String lastProblem = "";
        for (int attempt = 1; attempt <= TRIES; attempt++) {
            if (attempt > 1) {
                Thread.sleep(pauseMillis << (attempt - 2));
            }
            slot.acquire();
            try {
                return once(uri, maxBytes);
            } catch (Retry retry) {
                lastProblem = retry.getMessage();
            } finally {
                slot.release();
            }
        }
        throw new Failed(lastProblem + " (tried " + TRIES + " times)");
    }

    /** A failure that another try may not meet. */
    private static final class Retry extends Exception {
        Retry(String message) {
            super(message);
        }
    }

    private Downloaded once(URI uri, long maxBytes) throws Failed, DiskFull, Retry {
        Path part =
                spool.resolve("download-" + ProcessHandle.current().pid() + "-" + counter.incrementAndGet() + ".part");
        boolean done = false;
        try (WebClient.Answer answer = web.get(uri, false)) {
            int status = answer.status();
            if (status == 408 || status == 429 || status >= 500) {
                throw new Retry("the server answered " + status);
            }
            if (status != 200) {
                throw new Failed("the server answered " + status + (status == 404 ? " Not Found" : ""));
            }
            if (answer.length() > maxBytes) {
                throw new Failed("the file is " + answer.length() + " bytes, more than the " + maxBytes + " allowed");
            }
            long bytes = 0;
            long nextCheck = 0;
            try (InputStream in = answer.body();
                    OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    bytes += n;
                    if (bytes > maxBytes) {
                        throw new Failed("the file is larger than the " + maxBytes + " bytes allowed");
                    }
                    if (bytes >= nextCheck) {
                        checkSpace();
                        nextCheck = bytes + CHECK_SPACE_EVERY;
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (answer.length() >= 0 && bytes != answer.length()) {
                throw new Retry("the download ended after " + bytes + " of " + answer.length() + " bytes");
            }
            Path finished = spool.resolve(String.valueOf(part.getFileName()).replace(".part", ".download"));
            Files.move(part, finished);
            done = true;
            return new Downloaded(finished, bytes, answer.header("Content-Type"));
        } catch (DiskFull | Failed | Retry e) {
            throw e;
        } catch (java.net.SocketTimeoutException e) {
            throw new Retry("the server stopped answering (" + e.getMessage() + ")");
        } catch (WebClient.Unreachable e) {
            throw new Failed(e.getMessage());
        } catch (java.net.UnknownHostException e) {
            throw new Failed("no such host: " + e.getMessage());
        } catch (IOException e) {
            if (org.castkeeper.errors.DiskFull.caused(e)) {
                throw new DiskFull("the disk is full");
            }
            throw new Retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException ignored) {
                    // removeLeftovers takes it next time.
                }
            }
        }
    }

    private void checkSpace() throws DiskFull {
        try {
            long free = Files.getFileStore(spool).getUsableSpace();
            if (free < keepFree) {
                throw new DiskFull("only " + free / (1024 * 1024) + " MB are free on the disk of " + spool);
            }
        } catch (DiskFull e) {
            throw e;
        } catch (IOException e) {
            // The space cannot be read: the write itself will tell.
        }
    }
}
