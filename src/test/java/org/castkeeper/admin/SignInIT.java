package org.castkeeper.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.castkeeper.auth.LoginThrottle;
import org.castkeeper.testing.AdminClient;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignInIT {
    @TempDir
    Path dir;

    TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir, "");
        server.app().accounts().create("Dominion", "correct horse battery");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String sessionCookie(AdminClient client) {
        return client.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("ck_session"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessageAndNoSession() throws Exception {
        AdminClient client = new AdminClient(server);
        HttpResponse<String> r = client.signIn("dominion", "wrong password!");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("That name and password do not match an account.");
        assertThat(sessionCookie(client)).isNull();
        assertThat(client.get("/admin").statusCode()).isEqualTo(303);
    }

    @Test
    void signingInSetsAHardenedCookieWithANewIdEveryTime() throws Exception {
        AdminClient client = new AdminClient(server);
        HttpResponse<String> r = client.signIn("DOMINION", "correct horse battery");
        assertThat(r.statusCode()).isEqualTo(303);
        String setCookie = r.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith("ck_session="))
                .findFirst()
                .orElseThrow();
        assertThat(setCookie)
                .contains("HttpOnly")
                .contains("SameSite=Lax")
                .contains("Path=/admin")
                .doesNotContain("Secure");
        String first = sessionCookie(client);
        client.signIn("dominion", "correct horse battery");
        String second = sessionCookie(client);
        assertThat(second).isNotEqualTo(first);
        assertThat(server.app().accounts().session(first))
                .as("the old id is dead")
                .isEmpty();
        assertThat(client.get("/admin").statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        AdminClient client = new AdminClient(server).signedIn();
        String token = sessionCookie(client);
        HttpResponse<String> r = client.postForm("/admin/logout", Map.of());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(server.app().accounts().session(token)).isEmpty();
        assertThat(client.get("/admin").statusCode()).isEqualTo(303);
    }

    @Test
    void sessionsLiveInTheDatabaseAndSurviveARestart() throws Exception {
        AdminClient client = new AdminClient(server).signedIn();
        String token = sessionCookie(client);
        var config = server.app().config();
        server.close();
        server = TestServer.start(config, dir);
        assertThat(server.app().accounts().session(token)).isPresent();
    }

    @Test
    void repeatedFailuresLockTheAccountFromThatAddressOnly() throws Exception {
        AdminClient client = new AdminClient(server);
        for (int i = 0; i < LoginThrottle.MAX_PER_ACCOUNT_AND_ADDRESS; i++) {
            assertThat(client.signIn("dominion", "guess number " + i).statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> locked = client.signIn("dominion", "correct horse battery");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("Too many failed attempts");
        assertThat(locked.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, LoginThrottle.WINDOW.toSeconds()));

        // The host, elsewhere, is not locked out by what one address did.
        AdminClient elsewhere = AdminClient.from(server, "127.0.0.2");
        assertThat(elsewhere.signIn("dominion", "correct horse battery").statusCode())
                .isEqualTo(303);

        server.clock().advance(LoginThrottle.WINDOW);
        assertThat(client.signIn("dominion", "correct horse battery").statusCode())
                .isEqualTo(303);
    }

    @Test
    void fortyParallelWrongGuessesCheckAtMostFive() throws Exception {
        int guesses = 40;
        List<AdminClient> clients = new ArrayList<>();
        for (int i = 0; i < guesses; i++) {
            AdminClient client = new AdminClient(server);
            client.get("/admin/login");
            clients.add(client);
        }
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                AdminClient client = clients.get(i);
                String guess = "wrong guess " + i;
                statuses.add(pool.submit(() -> {
                    go.await();
                    return client.postForm("/admin/login", Map.of("username", "dominion", "password", guess))
                            .statusCode();
                }));
            }
            go.countDown();
            Map<Integer, Integer> counts = new java.util.TreeMap<>();
            for (Future<Integer> status : statuses) {
                counts.merge(status.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            assertThat(counts.getOrDefault(401, 0))
                    .as("passwords checked: %s", counts)
                    .isEqualTo(LoginThrottle.MAX_PER_ACCOUNT_AND_ADDRESS);
            assertThat(counts.getOrDefault(429, 0))
                    .as("%s", counts)
                    .isEqualTo(guesses - LoginThrottle.MAX_PER_ACCOUNT_AND_ADDRESS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eightParallelCorrectSignInsFromOneAddressAllGetIn() throws Exception {
        int signIns = 8;
        List<AdminClient> clients = new ArrayList<>();
        for (int i = 0; i < signIns; i++) {
            AdminClient client = new AdminClient(server);
            client.get("/admin/login");
            clients.add(client);
        }
        ExecutorService pool = Executors.newFixedThreadPool(signIns);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (AdminClient client : clients) {
                statuses.add(pool.submit(() -> {
                    go.await();
                    return client.postForm(
                                    "/admin/login", Map.of("username", "dominion", "password", "correct horse battery"))
                            .statusCode();
                }));
            }
            go.countDown();
            for (Future<Integer> status : statuses) {
                assertThat(status.get(60, TimeUnit.SECONDS))
                        .as("a correct password is never refused")
                        .isEqualTo(303);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKnownBrowserIsNotLockedOutByFailuresFromTheAddressItShares() throws Exception {
        AdminClient host = new AdminClient(server).signedIn();
        host.postForm("/admin/logout", Map.of());
        host.forgetCookiesExcept("ck_device");
        // Everyone behind the same NAT (or a proxy not yet trusted) is 127.0.0.1 here: 22 wrong guesses on other
        // accounts lock that address for browsers never seen before, not the host's own.
        AdminClient neighbour = new AdminClient(server);
        for (int i = 0; i < LoginThrottle.MAX_PER_ADDRESS + 2; i++) {
            neighbour.signIn("someone" + i, "guess number " + i);
        }
        assertThat(neighbour.signIn("dominion", "correct horse battery").statusCode())
                .isEqualTo(429);

        assertThat(host.signIn("dominion", "correct horse battery").statusCode())
                .isEqualTo(303);
    }

    @Test
    void aBrowserThatSignedInBeforeGetsInDuringAnAccountWideBackoff() throws Exception {
        AdminClient host = new AdminClient(server).signedIn();
        assertThat(host.cookie("ck_device")).as("known-device cookie").isNotNull();
        host.postForm("/admin/logout", Map.of());
        host.forgetCookiesExcept("ck_device");

        // A distributed attack: a few guesses each from many addresses, past the account's free failures.
        int address = 3;
        int failures = 0;
        while (failures <= LoginThrottle.ACCOUNT_FREE_FAILURES) {
            AdminClient attacker = AdminClient.from(server, "127.0.0." + address++);
            for (int i = 0; i < 4 && failures <= LoginThrottle.ACCOUNT_FREE_FAILURES; i++, failures++) {
                assertThat(attacker.signIn("dominion", "guess " + failures).statusCode())
                        .isEqualTo(401);
            }
        }
        AdminClient stranger = AdminClient.from(server, "127.0.0.99");
        HttpResponse<String> waiting = stranger.signIn("dominion", "correct horse battery");
        assertThat(waiting.statusCode()).as("a browser never seen before waits").isEqualTo(429);

        HttpResponse<String> known = host.signIn("dominion", "correct horse battery");
        assertThat(known.statusCode()).as("the host's own browser").isEqualTo(303);
        assertThat(host.get("/admin").statusCode()).isEqualTo(200);
    }

    @Test
    void aForgedKnownDeviceCookieIsWorthNothing() throws Exception {
        AdminClient host = new AdminClient(server).signedIn();
        String real = host.cookie("ck_device");
        String forged = real.substring(0, real.length() - 4) + (real.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThat(server.app().deviceCookies().deviceOf(real, "dominion")).isNotNull();
        assertThat(server.app().deviceCookies().deviceOf(real, "someone-else")).isNull();
        assertThat(server.app().deviceCookies().deviceOf(forged, "dominion")).isNull();
    }

    @Test
    void manyFailuresFromOneAddressLockItWhateverTheAccount() throws Exception {
        AdminClient client = new AdminClient(server);
        for (int i = 0; i < LoginThrottle.MAX_PER_ADDRESS; i++) {
            assertThat(client.signIn("someone" + i, "guess number " + i).statusCode())
                    .isEqualTo(401);
        }
        assertThat(client.signIn("dominion", "correct horse battery").statusCode())
                .isEqualTo(429);
    }

    @Test
    void cookiesAreSecureWhenThePublicUrlIsHttps() throws Exception {
        server.close();
        server = TestServer.startEditing(
                dir.resolve("https"),
                yaml -> yaml.replace("publicUrl: http://localhost:8080", "publicUrl: https://podcast.example.org"));
        server.app().accounts().create("dominion", "correct horse battery");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> form = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url("/admin/login")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String csrfCookie = form.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith("ck_csrf="))
                .findFirst()
                .orElseThrow();
        assertThat(csrfCookie).contains("Secure").contains("HttpOnly");
        // A browser on https sends the cookie back; this test plays that part by hand.
        String token = csrfCookie.substring("ck_csrf=".length(), csrfCookie.indexOf(';'));
        HttpResponse<String> r = http.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url("/admin/login")))
                        .header("Cookie", "ck_csrf=" + token)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "_csrf=" + token + "&username=dominion&password=correct+horse+battery"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().allValues("Set-Cookie"))
                .filteredOn(h -> h.startsWith("ck_session="))
                .singleElement()
                .satisfies(h -> assertThat(h).contains("Secure").contains("HttpOnly"));
    }

    @Test
    void theSignInFormNeedsItsCsrfToken() throws Exception {
        AdminClient client = new AdminClient(server);
        client.get("/admin/login");
        HttpResponse<String> r = client.raw(
                "POST",
                "/admin/login",
                "application/x-www-form-urlencoded",
                "_csrf=forged&username=dominion&password=correct+horse+battery");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(sessionCookie(client)).isNull();
    }

    @Test
    void theOneTimeSetupLinkMakesTheFirstAccountOnce() throws Exception {
        server.close();
        server = TestServer.start(dir.resolve("fresh"), "");
        String token = server.app().accounts().newSetupToken();
        AdminClient client = new AdminClient(server);
        assertThat(client.get("/admin/setup?token=nonsense").body()).contains("expired or was already used");
        assertThat(client.get("/admin/setup?token=" + token).body()).contains("Make the account");
        HttpResponse<String> weak =
                client.postForm("/admin/setup", Map.of("token", token, "username", "dominion", "password", "short"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("Use at least 10 characters.");
        HttpResponse<String> made = client.postForm(
                "/admin/setup", Map.of("token", token, "username", "dominion", "password", "correct horse battery"));
        assertThat(made.statusCode()).isEqualTo(303);
        assertThat(client.get("/admin").statusCode()).isEqualTo(200);
        AdminClient other = new AdminClient(server);
        other.get("/admin/login");
        assertThat(other.postForm(
                                "/admin/setup",
                                Map.of("token", token, "username", "intruder", "password", "another long password"))
                        .statusCode())
                .isEqualTo(400);
    }
}
