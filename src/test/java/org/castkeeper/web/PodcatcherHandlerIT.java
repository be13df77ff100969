package org.castkeeper.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.castkeeper.testing.AdminClient;
import org.castkeeper.testing.Fixtures;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hot path answers feed polls on Jetty's network threads and hands everything that may block to workers.
 * These tests check the two halves of that promise over real connections.
 */
class PodcatcherHandlerIT {
    @TempDir
    Path dir;

    TestServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void feedPollsAndAdminPagesAreAnsweredWhileUploadsStallMidBody() throws Exception {
        server = TestServer.start(dir, "");
        server.publish("cbr-id3v23.mp3", "Already out", TestServer.START.minusSeconds(60));
        AdminClient host = new AdminClient(server).signedIn();
        byte[] mp3 = Files.readAllBytes(Fixtures.mp3("cbr-id3v23.mp3"));

        // More stalled uploads than there are network threads: each blocks a worker reading its body. Were any of
        // that blocking done on a network thread, every connection that thread serves would hang with it.
        int stalled = 2 * Runtime.getRuntime().availableProcessors() + 2;
        List<Socket> uploads = new ArrayList<>();
        try {
            for (int i = 0; i < stalled; i++) {
                Socket socket = new Socket("127.0.0.1", port());
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("PUT /admin/upload?name=slow-" + i + ".mp3 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                + "Cookie: ck_session=" + session(host) + "\r\nX-CSRF-Token: " + host.csrf() + "\r\n"
                                + "Content-Type: application/octet-stream\r\nContent-Length: " + mp3.length
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(mp3, 0, mp3.length / 2);
                out.flush();
                uploads.add(socket);
            }

            // Each poll on a connection of its own, so they land on every network thread.
            for (int i = 0; i < 24; i++) {
                assertThat(statusLineOfGet("/feed.xml")).as("poll %d", i).isEqualTo("HTTP/1.1 200 OK");
            }
            assertThat(host.get("/admin").statusCode()).isEqualTo(200);

            // The stalled uploads were only waiting: the rest of a body completes its upload.
            Socket first = uploads.get(0);
            first.getOutputStream().write(mp3, mp3.length / 2, mp3.length - mp3.length / 2);
            first.getOutputStream().flush();
            String status = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(status).isEqualTo("HTTP/1.1 201 Created");
        } finally {
            for (Socket socket : uploads) {
                socket.close();
            }
        }
        assertThat(server.app().episodes().count()).isEqualTo(2);
    }

    @Test
    void aFeedBuiltOnAWorkerAndOneAnsweredFromMemoryAreTheSameResponse() throws Exception {
        server = TestServer.start(dir, "");
        server.publish("cbr-id3v23.mp3", "First", TestServer.START.minusSeconds(60));
        HttpResponse<byte[]> cold = server.get("/feed.xml", "Accept-Encoding", "gzip");
        HttpResponse<byte[]> warm = server.get("/feed.xml", "Accept-Encoding", "gzip");

        assertThat(warm.statusCode()).isEqualTo(cold.statusCode()).isEqualTo(200);
        assertThat(warm.body()).isEqualTo(cold.body());
        for (String name : List.of(
                "ETag",
                "Last-Modified",
                "Cache-Control",
                "Vary",
                "Content-Type",
                "Content-Encoding",
                "Content-Length")) {
            assertThat(warm.headers().firstValue(name))
                    .as(name)
                    .isPresent()
                    .isEqualTo(cold.headers().firstValue(name));
        }
        String etag = warm.headers().firstValue("ETag").orElseThrow();
        assertThat(server.get("/feed.xml", "Accept-Encoding", "gzip", "If-None-Match", etag)
                        .statusCode())
                .isEqualTo(304);

        // A new episode makes the next poll go back to a worker, which builds the new feed.
        server.publish("cbr-id3v23.mp3", "Second", TestServer.START.minusSeconds(30));
        HttpResponse<byte[]> changed = server.get("/feed.xml", "Accept-Encoding", "gzip", "If-None-Match", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
    }

    private int port() {
        return java.net.URI.create(server.url("/")).getPort();
    }

    private static String session(AdminClient host) {
        return host.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("ck_session"))
                .findFirst()
                .orElseThrow()
                .getValue();
    }

    /** The status line of a GET on a new connection; a read timeout fails the test instead of hanging it. */
    private String statusLineOfGet(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }
}
