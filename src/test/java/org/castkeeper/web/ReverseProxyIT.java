package org.castkeeper.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.castkeeper.testing.Eventually.assertThatEventually;

import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.castkeeper.auth.LoginThrottle;
import org.castkeeper.testing.AdminClient;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's real nginx, configured with the README's recipe, in front of Castkeeper: what a client writes in
 * Forwarded, X-Forwarded-For or X-Real-IP changes nothing about the address Castkeeper counts its sign-ins by.
 * (nginx passes a client's Forwarded through unchanged, and once that header was believed, each forged address
 * got guesses of its own.)
 */
class ReverseProxyIT {
    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    @TempDir
    Path dir;

    TestServer server;
    Process nginx;

    @AfterEach
    void stop() {
        if (nginx != null) {
            nginx.destroy();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aClientsOwnForwardingHeadersChangeNothingBehindTheReadmesNginx() throws Exception {
        assertThat(NGINX)
                .as("nginx (Debian's nginx-light, which .ci/run installs)")
                .isExecutable();
        server = TestServer.startEditing(
                dir,
                yaml -> yaml.replace(
                        "  publicUrl: http://localhost:8080\n",
                        "  publicUrl: http://localhost:8080\n  trustedProxies: [127.0.0.1]\n"));
        server.app().accounts().create("dominion", "correct horse battery");
        int port = startNginx(URI.create(server.url("/")).getPort());

        // A client on 127.0.0.2 (nginx sees that address) names a new address in every header at each guess.
        AdminClient client = AdminClient.via(path -> "http://127.0.0.1:" + port + path, "127.0.0.2");
        for (int i = 0; i < LoginThrottle.MAX_PER_ACCOUNT_AND_ADDRESS; i++) {
            client.get("/admin/login");
            assertThat(client.rawWithHeaders(
                                    "POST",
                                    "/admin/login",
                                    "_csrf=" + client.csrf() + "&username=dominion&password=guess" + i,
                                    "Content-Type",
                                    "application/x-www-form-urlencoded",
                                    "Forwarded",
                                    "for=10.2." + i + "." + i,
                                    "X-Forwarded-For",
                                    "10.9.9." + i,
                                    "X-Real-IP",
                                    "10.8.8." + i)
                            .statusCode())
                    .as("guess %d", i)
                    .isEqualTo(401);
        }
        // All five were counted against 127.0.0.2, the address nginx saw: the sixth is refused unchecked.
        assertThat(client.signIn("dominion", "correct horse battery").statusCode())
                .isEqualTo(429);
        // The host elsewhere is a different address, through the same proxy.
        AdminClient host = AdminClient.via(path -> "http://127.0.0.1:" + port + path, "127.0.0.3");
        assertThat(host.signIn("dominion", "correct horse battery").statusCode())
                .isEqualTo(303);
    }

    /** Starts nginx on a free port with the README's server block (https left out), in front of Castkeeper. */
    private int startNginx(int castkeeperPort) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path work = Files.createDirectories(dir.resolve("nginx"));
        StringBuilder conf = new StringBuilder();
        if ("root".equals(System.getProperty("user.name"))) {
            conf.append("user root;\n");
        }
        conf.append("worker_processes 1;\npid ")
                .append(work.resolve("nginx.pid"))
                .append(";\n");
        conf.append("error_log ").append(work.resolve("error.log")).append(";\n");
        conf.append("events { worker_connections 64; }\nhttp {\n  access_log off;\n");
        for (String temp : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            conf.append("  ")
                    .append(temp)
                    .append("_temp_path ")
                    .append(work.resolve(temp))
                    .append(";\n");
        }
        conf.append(readmeServerBlock()
                .replace("proxy_pass http://127.0.0.1:8080;", "proxy_pass http://127.0.0.1:" + castkeeperPort + ";")
                .replace("    server_name", "    listen 127.0.0.1:" + port + ";\n    server_name"));
        conf.append("}\n");
        Path file = work.resolve("nginx.conf");
        Files.writeString(file, conf.toString());
        nginx = new ProcessBuilder(NGINX.toString(), "-c", file.toString(), "-g", "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("out.log").toFile())
                .start();
        int listening = port;
        assertThatEventually(() -> {
            assertThat(nginx.isAlive())
                    .as("nginx runs: %s", Files.readString(work.resolve("out.log")))
                    .isTrue();
            try (Socket s = new Socket("127.0.0.1", listening)) {
                assertThat(s.isConnected()).isTrue();
            }
        });
        return port;
    }

    /** The README's nginx recipe, without what needs a certificate. */
    static String readmeServerBlock() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("```nginx\n");
        assertThat(start).as("the README has an nginx recipe").isNotNegative();
        String block = readme.substring(start + "```nginx\n".length(), readme.indexOf("```", start + 8));
        List<String> kept = new ArrayList<>();
        for (String line : block.split("\n")) {
            if (!line.contains("listen 443") && !line.contains("ssl_certificate")) {
                kept.add(line);
            }
        }
        return String.join("\n", kept) + "\n";
    }
}
