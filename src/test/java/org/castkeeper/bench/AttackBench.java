package org.castkeeper.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.testing.AdminClient;
import org.castkeeper.testing.TestServer;

/**
 * Benchmark for scripts/bench-attack (not a test): while N connections from 50 addresses (127.0.0.2 to .51) hold
 * the server with slow bodies (a sign-in form sent a byte every 2 s) and slow headers (a request's headers sent a
 * byte every 2 s), the host signs in on a known device, saves and publishes, and podcatchers poll the feed and
 * probe the media. Prints each one's median and 99th percentile.
 *
 * <p>Usage: AttackBench OUTPUT_DIR N... Prints "key=value" lines.
 */
public final class AttackBench {
    private static final int ADDRESSES = 50;
    private static final int ROUNDS = 20;

    private AttackBench() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]).toAbsolutePath();
        try (TestServer server = TestServer.start(Files.createDirectories(out.resolve("show")), "")) {
            AdminClient host = new AdminClient(server).signedIn();
            String device = host.cookie("ck_device");
            Episode episode =
                    server.publish("untagged.mp3", "Under attack", TestServer.START.minus(Duration.ofDays(1)));
            int port = URI.create(server.url("/")).getPort();
            for (int i = 1; i < args.length; i++) {
                run(server, host, device, episode, port, Integer.parseInt(args[i]));
            }
        }
    }

    private static void run(TestServer server, AdminClient host, String device, Episode episode, int port, int n)
            throws Exception {
        List<Socket> held = new ArrayList<>();
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < n; i++) {
                Socket s = new Socket();
                s.bind(new InetSocketAddress("127.0.0." + (2 + i % ADDRESSES), 0));
                s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                String start = i % 2 == 0
                        ? "POST /admin/login HTTP/1.1\r\nHost: x\r\nCookie: ck_csrf=" + "c".repeat(43)
                                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nu"
                        : "GET /admin/login HTTP/1.1\r\nHost: x\r\nX-Slow: ";
                s.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
                held.add(s);
            }
            trickle.scheduleWithFixedDelay(
                    () -> {
                        for (Socket s : held) {
                            try {
                                s.getOutputStream().write('x');
                            } catch (IOException cut) {
                                // The server cut it.
                            }
                        }
                    },
                    2,
                    2,
                    TimeUnit.SECONDS);

            List<Long> signIn = new ArrayList<>();
            List<Long> save = new ArrayList<>();
            List<Long> publish = new ArrayList<>();
            List<Long> feed = new ArrayList<>();
            List<Long> media = new ArrayList<>();
            int failures = 0;
            HttpClient fresh = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            for (int round = 0; round < ROUNDS; round++) {
                AdminClient onDevice = new AdminClient(server);
                onDevice.cookies().getCookieStore().add(URI.create(server.url("/")), cookie(device));
                long t = System.nanoTime();
                HttpResponse<String> in = onDevice.signIn("dominion", "correct horse battery");
                signIn.add(System.nanoTime() - t);
                failures += in.statusCode() == 303 ? 0 : 1;
                onDevice.get("/admin/episodes/" + episode.id());
                t = System.nanoTime();
                HttpResponse<String> saved =
                        onDevice.postForm("/admin/episodes/" + episode.id(), Map.of("title", "Under attack " + round));
                save.add(System.nanoTime() - t);
                failures += saved.statusCode() == 303 ? 0 : 1;
                onDevice.get("/admin/episodes/" + episode.id());
                t = System.nanoTime();
                HttpResponse<String> published =
                        onDevice.postForm("/admin/episodes/" + episode.id() + "/publish", Map.of());
                publish.add(System.nanoTime() - t);
                failures += published.statusCode() == 303 ? 0 : 1;
                for (int k = 0; k < 5; k++) {
                    t = System.nanoTime();
                    int f = fresh.send(
                                    HttpRequest.newBuilder(URI.create(server.url("/feed.xml")))
                                            .timeout(Duration.ofSeconds(10))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                    feed.add(System.nanoTime() - t);
                    t = System.nanoTime();
                    int m = fresh.send(
                                    HttpRequest.newBuilder(URI.create(server.url(
                                                    "/media/" + episode.audio().path())))
                                            .header("Range", "bytes=0-1")
                                            .timeout(Duration.ofSeconds(10))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                    media.add(System.nanoTime() - t);
                    failures += (f == 200 ? 0 : 1) + (m == 206 ? 0 : 1);
                }
            }
            System.out.printf("== %d slow connections from %d addresses%n", n, ADDRESSES);
            print("known_device_sign_in", signIn);
            print("signed_in_save", save);
            print("publish", publish);
            print("feed_poll", feed);
            print("media_probe", media);
            System.out.printf("failures=%d%n", failures);
        } finally {
            trickle.shutdownNow();
            for (Socket s : held) {
                s.close();
            }
        }
    }

    private static java.net.HttpCookie cookie(String value) {
        java.net.HttpCookie c = new java.net.HttpCookie("ck_device", value);
        c.setPath("/");
        c.setVersion(0);
        return c;
    }

    private static void print(String name, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        long p50 = sorted.get(sorted.size() / 2) / 1_000_000;
        long p99 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)) / 1_000_000;
        System.out.printf("%s_p50_ms=%d%n%s_p99_ms=%d%n", name, p50, name, p99);
    }
}
