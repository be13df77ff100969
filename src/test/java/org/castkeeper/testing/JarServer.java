package org.castkeeper.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged jar started as a host starts it, {@code java -jar target/castkeeper.jar serve}, on a random port. */
public final class JarServer implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("on port (\\d+)");

    private final Process process;
    private final int port;

    private JarServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static JarServer start(Path config, String maxHeap) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-Xmx" + maxHeap,
                        "-jar",
                        Path.of("target/castkeeper.jar").toAbsolutePath().toString(),
                        "serve",
                        "--config",
                        config.toString(),
                        "--port",
                        "0")
                .redirectErrorStream(true)
                .start();
        BufferedReader log =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        int port = CompletableFuture.supplyAsync(() -> {
                    try {
                        for (String line; (line = log.readLine()) != null; ) {
                            Matcher m = LISTENING.matcher(line);
                            if (m.find()) {
                                return Integer.parseInt(m.group(1));
                            }
                        }
                        return -1;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .get(60, TimeUnit.SECONDS);
        if (port < 0) {
            process.destroy();
            throw new IllegalStateException("the server stopped before it listened");
        }
        // Keep draining the log so the child never blocks on a full pipe; it ends when the child does.
        Thread.ofVirtual().start(() -> {
            try {
                while (log.readLine() != null) {
                    // discard
                }
            } catch (IOException closed) {
                // the child has gone
            }
        });
        return new JarServer(process, port);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Sends SIGTERM and returns at once. */
    public void signal() {
        process.destroy();
    }

    /** True when the process has ended within {@code bound}. */
    public boolean waitForExit(java.time.Duration bound) throws InterruptedException {
        return process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends SIGTERM and waits; true when the process stopped within 20 seconds. */
    public boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive() && !stop()) {
            process.destroyForcibly();
        }
    }
}
