package org.castkeeper.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * Another podcast host, for import tests: a real HTTP server on 127.0.0.1 and a random port (the JDK's own), with
 * what other hosts really do: files, gzip, redirect chains, 404s, failures that pass, and bodies that stall.
 */
public final class FixtureHost implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, java.nio.file.Path> folders = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    private sealed interface Answer {}

    private record File(byte[] body, String type, boolean gzip, long delayMillis) implements Answer {}

    private record Redirect(int status, String location) implements Answer {}

    private record Status(int status) implements Answer {}

    /** Answers with {@code status} for the first {@code times} requests, then as {@code then}. */
    private record FailFirst(int status, int times, Answer then) implements Answer {}

    /** Sends the headers and half the body, then nothing until the host closes. */
    private record Stall(byte[] body, String type) implements Answer {}

    static {
        // The JDK's server writes headers and body apart; without TCP_NODELAY every answer waits for the
        // client's delayed ACK (40 ms), which real hosts do not make anyone wait.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public FixtureHost() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fixture-host");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The absolute URL of {@code path} on this host. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public FixtureHost file(String path, byte[] body, String type) {
        answers.put(path, new File(body, type, false, 0));
        return this;
    }

    /** Served gzipped when the client asks for it. */
    public FixtureHost gzipped(String path, byte[] body, String type) {
        answers.put(path, new File(body, type, true, 0));
        return this;
    }

    /** A file that takes {@code delayMillis} to start: downloads overlap, so the most in flight can be seen. */
    public FixtureHost slowFile(String path, byte[] body, String type, long delayMillis) {
        answers.put(path, new File(body, type, false, delayMillis));
        return this;
    }

    /** Serves the files under {@code dir} at {@code prefix} + their path, as a static web server would. */
    public FixtureHost folder(String prefix, java.nio.file.Path dir) {
        folders.put(prefix, dir);
        return this;
    }

    public FixtureHost redirect(String path, int status, String location) {
        answers.put(path, new Redirect(status, location));
        return this;
    }

    public FixtureHost status(String path, int status) {
        answers.put(path, new Status(status));
        return this;
    }

    public FixtureHost failFirst(String path, int status, int times, byte[] body, String type) {
        answers.put(path, new FailFirst(status, times, new File(body, type, false, 0)));
        return this;
    }

    public FixtureHost stall(String path, byte[] body, String type) {
        answers.put(path, new Stall(body, type));
        return this;
    }

    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    /** The most requests this host was answering at one time. */
    public int mostInFlight() {
        return mostInFlight.get();
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getRawPath();
        int count = hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        int now = inFlight.incrementAndGet();
        // Counted until the answer starts: once its headers are out the client may finish and ask again at
        // once, before this thread has returned, and that must not look like two requests at a time.
        java.util.concurrent.atomic.AtomicBoolean counted = new java.util.concurrent.atomic.AtomicBoolean(true);
        Runnable answering = () -> {
            if (counted.compareAndSet(true, false)) {
                inFlight.decrementAndGet();
            }
        };
        mostInFlight.accumulateAndGet(now, Math::max);
        try (x) {
            Answer answer = answers.get(path);
            if (answer == null) {
                answer = fromFolder(x.getRequestURI().getPath());
            }
            if (answer instanceof FailFirst f) {
                answer = count <= f.times() ? new Status(f.status()) : f.then();
            }
            switch (answer) {
                case null -> {
                    answering.run();
                    x.sendResponseHeaders(404, -1);
                }
                case Status s -> {
                    answering.run();
                    x.sendResponseHeaders(s.status(), -1);
                }
                case Redirect r -> {
                    x.getResponseHeaders().set("Location", r.location());
                    answering.run();
                    x.sendResponseHeaders(r.status(), -1);
                }
                case File f -> send(x, f, answering);
                case Stall s -> {
                    x.getResponseHeaders().set("Content-Type", s.type());
                    answering.run();
                    x.sendResponseHeaders(200, s.body().length);
                    OutputStream out = x.getResponseBody();
                    out.write(s.body(), 0, s.body().length / 2);
                    out.flush();
                    closing.await(1, TimeUnit.MINUTES);
                }
                case FailFirst f -> throw new IllegalStateException("resolved above");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            answering.run();
        }
    }

    private Answer fromFolder(String decodedPath) throws IOException {
        for (Map.Entry<String, java.nio.file.Path> folder : folders.entrySet()) {
            if (decodedPath.startsWith(folder.getKey())) {
                java.nio.file.Path file = folder.getValue()
                        .resolve(decodedPath.substring(folder.getKey().length()).replaceFirst("^/+", ""))
                        .normalize();
                if (file.startsWith(folder.getValue()) && java.nio.file.Files.isRegularFile(file)) {
                    return new File(java.nio.file.Files.readAllBytes(file), null, false, 0);
                }
            }
        }
        return null;
    }

    private static void send(HttpExchange x, File f, Runnable answering) throws IOException, InterruptedException {
        if (f.delayMillis() > 0) {
            Thread.sleep(f.delayMillis()); // the host is slow to answer, as a real one can be
        }
        byte[] body = f.body();
        String accept = x.getRequestHeaders().getFirst("Accept-Encoding");
        if (f.gzip() && accept != null && accept.contains("gzip")) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
                gz.write(body);
            }
            body = zipped.toByteArray();
            x.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        if (f.type() != null) {
            x.getResponseHeaders().set("Content-Type", f.type());
        }
        if (x.getRequestMethod().equals("HEAD")) {
            x.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            answering.run();
            x.sendResponseHeaders(200, -1);
            return;
        }
        answering.run();
        x.sendResponseHeaders(200, body.length);
        x.getResponseBody().write(body);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
