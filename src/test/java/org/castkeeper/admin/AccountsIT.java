package org.castkeeper.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.castkeeper.cli.Main;
import org.castkeeper.testing.AdminClient;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several equal host accounts: a password change in the admin, and add, passwd, remove and list on the server. */
class AccountsIT {
    @TempDir
    Path dir;

    TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir, "");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void changingYourPasswordSignsOutYourOtherBrowsersButNotThisOne() throws Exception {
        AdminClient here = new AdminClient(server).signedIn();
        AdminClient elsewhere = new AdminClient(server).signedIn();
        here.get("/admin/account");

        HttpResponse<String> wrong = here.postForm(
                "/admin/account/password",
                Map.of(
                        "current",
                        "not my password",
                        "new",
                        "a brand new passphrase",
                        "again",
                        "a brand new passphrase"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("Your current password is not right");
        HttpResponse<String> differ = here.postForm(
                "/admin/account/password",
                Map.of("current", "correct horse battery", "new", "a brand new passphrase", "again", "another one"));
        assertThat(differ.body()).contains("The two new passwords differ");

        HttpResponse<String> changed = here.postForm(
                "/admin/account/password",
                Map.of(
                        "current",
                        "correct horse battery",
                        "new",
                        "a brand new passphrase",
                        "again",
                        "a brand new passphrase"));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(here.get("/admin").statusCode()).isEqualTo(200);
        assertThat(elsewhere.get("/admin").statusCode())
                .as("the other browser is signed out")
                .isEqualTo(303);
        assertThat(new AdminClient(server)
                        .signIn("dominion", "correct horse battery")
                        .statusCode())
                .isEqualTo(401);
        assertThat(new AdminClient(server)
                        .signIn("dominion", "a brand new passphrase")
                        .statusCode())
                .isEqualTo(303);
    }

    @Test
    void theAccountsPageListsEveryAccountAndAddsOne() throws Exception {
        AdminClient host = new AdminClient(server).signedIn();
        host.get("/admin/account");
        HttpResponse<String> added = host.postForm(
                "/admin/account/add", Map.of("username", "Producer", "password", "another long passphrase"));
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(host.get("/admin/account").body())
                .contains("<td>dominion</td>")
                .contains("<td>producer</td>");
        assertThat(new AdminClient(server)
                        .signIn("producer", "another long passphrase")
                        .statusCode())
                .isEqualTo(303);
    }

    @Test
    void theCommandLineSetsAForgottenPasswordAndNeverRemovesTheLastAccount() throws Exception {
        AdminClient host = new AdminClient(server).signedIn();
        String config = server.app().config().source().toString();

        Run passwd = run("a forgotten-password fix\n", "user", "passwd", "dominion", "--config", config);
        assertThat(passwd.code()).isZero();
        assertThat(passwd.out()).contains("New password set for dominion");
        assertThat(host.get("/admin").statusCode()).as("signed out everywhere").isEqualTo(303);

        Run last = run("", "user", "remove", "dominion", "--config", config);
        assertThat(last.code()).isEqualTo(Main.USAGE);
        assertThat(last.err()).contains("dominion is the only account");

        assertThat(run("second account pass\n", "user", "add", "producer", "--config", config)
                        .code())
                .isZero();
        assertThat(run("", "user", "list", "--config", config).out())
                .contains("dominion")
                .contains("producer");
        assertThat(run("", "user", "remove", "dominion", "--config", config).code())
                .isZero();
        assertThat(run("", "user", "list", "--config", config).out()).doesNotContain("dominion");
        assertThat(new AdminClient(server)
                        .signIn("producer", "second account pass")
                        .statusCode())
                .isEqualTo(303);
    }

    private record Run(int code, String out, String err) {}

    private static Run run(String stdin, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setIn(before);
        }
    }
}
