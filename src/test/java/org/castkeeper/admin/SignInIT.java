package org.castkeeper.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
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
                .filter(c -> c.getName().equals("ck_session")).map(HttpCookie::getValue).findFirst().orElse(null);
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
        String setCookie = r.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("ck_session="))
                .findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/admin")
                .doesNotContain("Secure");
        String first = sessionCookie(client);
        client.signIn("dominion", "correct horse battery");
        String second = sessionCookie(client);
        assertThat(second).isNotEqualTo(first);
        assertThat(server.app().accounts().session(first)).as("the old id is dead").isEmpty();
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
    void repeatedFailuresLockTheAccountForAWhile() throws Exception {
        AdminClient client = new AdminClient(server);
        for (int i = 0; i < LoginThrottle.MAX_PER_ACCOUNT; i++) {
            assertThat(client.signIn("dominion", "guess number " + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = client.signIn("dominion", "correct horse battery");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("Too many failed attempts");
        server.clock().advance(LoginThrottle.WINDOW);
        assertThat(client.signIn("dominion", "correct horse battery").statusCode()).isEqualTo(303);
    }

    @Test
    void manyFailuresFromOneAddressLockItWhateverTheAccount() throws Exception {
        AdminClient client = new AdminClient(server);
        for (int i = 0; i < LoginThrottle.MAX_PER_ADDRESS; i++) {
            assertThat(client.signIn("someone" + i, "guess number " + i).statusCode()).isEqualTo(401);
        }
        assertThat(client.signIn("dominion", "correct horse battery").statusCode()).isEqualTo(429);
    }

    @Test
    void cookiesAreSecureWhenThePublicUrlIsHttps() throws Exception {
        server.close();
        server = TestServer.startEditing(dir.resolve("https"),
                yaml -> yaml.replace("publicUrl: http://localhost:8080", "publicUrl: https://podcast.example.org"));
        server.app().accounts().create("dominion", "correct horse battery");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> form = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.url("/admin/login"))).build(), HttpResponse.BodyHandlers.ofString());
        String csrfCookie = form.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("ck_csrf="))
                .findFirst().orElseThrow();
        assertThat(csrfCookie).contains("Secure").contains("HttpOnly");
        // A browser on https sends the cookie back; this test plays that part by hand.
        String token = csrfCookie.substring("ck_csrf=".length(), csrfCookie.indexOf(';'));
        HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(server.url("/admin/login")))
                .header("Cookie", "ck_csrf=" + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "_csrf=" + token + "&username=dominion&password=correct+horse+battery")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().allValues("Set-Cookie")).filteredOn(h -> h.startsWith("ck_session="))
                .singleElement().satisfies(h -> assertThat(h).contains("Secure").contains("HttpOnly"));
    }

    @Test
    void theSignInFormNeedsItsCsrfToken() throws Exception {
        AdminClient client = new AdminClient(server);
        client.get("/admin/login");
        HttpResponse<String> r = client.raw("POST", "/admin/login", "application/x-www-form-urlencoded",
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
        HttpResponse<String> weak = client.postForm("/admin/setup",
                Map.of("token", token, "username", "dominion", "password", "short"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("Use at least 10 characters.");
        HttpResponse<String> made = client.postForm("/admin/setup",
                Map.of("token", token, "username", "dominion", "password", "correct horse battery"));
        assertThat(made.statusCode()).isEqualTo(303);
        assertThat(client.get("/admin").statusCode()).isEqualTo(200);
        AdminClient other = new AdminClient(server);
        other.get("/admin/login");
        assertThat(other.postForm("/admin/setup", Map.of("token", token, "username", "intruder",
                "password", "another long password")).statusCode()).isEqualTo(400);
    }
}
