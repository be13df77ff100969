package org.castkeeper.analytics;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Requests from a chosen loopback address (127.0.0.x), as listeners at different addresses make them. */
final class Traffic {
    private Traffic() {}

    static HttpResponse<byte[]> get(String from, String url, String agent, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("User-Agent", agent);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(from, b.build());
    }

    static HttpResponse<byte[]> send(String from, HttpRequest request) throws Exception {
        try (HttpClient client = HttpClient.newBuilder()
                .localAddress(InetAddress.getByName(from))
                .build()) {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    /** GET of {@code bytes} (first-last, inclusive, or "first-") from {@code from}. */
    static HttpResponse<byte[]> range(String from, String url, String agent, String bytes) throws Exception {
        return get(from, url, agent, "Range", "bytes=" + bytes);
    }
}
