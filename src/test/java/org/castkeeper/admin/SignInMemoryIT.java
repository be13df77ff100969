package org.castkeeper.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.castkeeper.Castkeeper;
import org.castkeeper.config.ConfigLoader;
import org.castkeeper.testing.AdminClient;
import org.castkeeper.testing.JarServer;
import org.castkeeper.testing.TestShow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Argon2id takes 19 MiB per hash. Twenty sign-ins at once on a small heap must queue for the two hashing slots
 * (or be told to try again), never run the server out of memory.
 */
class SignInMemoryIT {
    private static final int SIGN_INS = 20;

    @TempDir
    Path dir;

    @Test
    void twentySignInsAtOnceOnASmallHeapNeverRunOutOfMemory() throws Exception {
        Path config = TestShow.create(dir);
        try (Castkeeper app = Castkeeper.open(ConfigLoader.load(config, Map.of()), Clock.systemUTC())) {
            for (int i = 0; i < SIGN_INS; i++) {
                app.accounts().create("host" + i, "correct horse battery " + i);
            }
        }
        try (JarServer server = JarServer.start(config, "96m")) {
            List<AdminClient> clients = new ArrayList<>();
            for (int i = 0; i < SIGN_INS; i++) {
                AdminClient client = new AdminClient(server::url);
                client.get("/admin/login");
                clients.add(client);
            }
            ExecutorService pool = Executors.newFixedThreadPool(SIGN_INS);
            Map<Integer, Integer> statuses = new TreeMap<>();
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> results = new ArrayList<>();
                for (int i = 0; i < SIGN_INS; i++) {
                    AdminClient client = clients.get(i);
                    Map<String, String> form = Map.of("username", "host" + i, "password", "correct horse battery " + i);
                    results.add(pool.submit(() -> {
                        go.await();
                        return client.postForm("/admin/login", form).statusCode();
                    }));
                }
                go.countDown();
                for (Future<Integer> result : results) {
                    statuses.merge(result.get(60, TimeUnit.SECONDS), 1, Integer::sum);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(statuses.keySet()).as("%s", statuses).containsAnyOf(303).isSubsetOf(303, 429);
            assertThat(server.isAlive()).isTrue();
            HttpResponse<String> feed = new AdminClient(server::url).get("/feed.xml");
            assertThat(feed.statusCode()).isEqualTo(200);
        }
    }
}
