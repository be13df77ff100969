package org.castkeeper.testing;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP client for the admin pages: it keeps cookies and sends the page's CSRF token. */
public final class AdminClient {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

    private final TestServer server;
    private final java.util.function.UnaryOperator<String> urls;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String csrf;

    public AdminClient(TestServer server) {
        this(server, server::url, null);
    }

    /** A client whose connections come from {@code localAddress}, e.g. 127.0.0.2: another machine, as seen. */
    public static AdminClient from(TestServer server, String localAddress) throws java.net.UnknownHostException {
        return new AdminClient(server, server::url, java.net.InetAddress.getByName(localAddress));
    }

    /** A client of another address (e.g. 127.0.0.2) reaching the server some other way, e.g. through a proxy. */
    public static AdminClient via(java.util.function.UnaryOperator<String> urls, String localAddress)
            throws java.net.UnknownHostException {
        return new AdminClient(null, urls, java.net.InetAddress.getByName(localAddress));
    }

    /** For a server in another process: {@code urls} turns a path into a URL. */
    public AdminClient(java.util.function.UnaryOperator<String> urls) {
        this(null, urls, null);
    }

    private AdminClient(
            TestServer server, java.util.function.UnaryOperator<String> urls, java.net.InetAddress localAddress) {
        this.server = server;
        this.urls = urls;
        HttpClient.Builder builder =
                HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER);
        if (localAddress != null) {
            builder.localAddress(localAddress);
        }
        this.http = builder.build();
    }

    /** A cookie this client holds for the server, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    /** Forgets every cookie but {@code keep}: a browser that kept only that one. */
    public void forgetCookiesExcept(String keep) {
        var store = cookies.getCookieStore();
        for (var uri : store.getURIs()) {
            for (var c : store.get(uri)) {
                if (!c.getName().equals(keep)) {
                    store.remove(uri, c);
                }
            }
        }
    }

    public CookieManager cookies() {
        return cookies;
    }

    public String csrf() {
        return csrf;
    }

    /** Makes the account (once per server) and signs in with it. */
    public AdminClient signedIn() throws Exception {
        if (!server.app().accounts().anyUser()) {
            server.app().accounts().create("dominion", "correct horse battery");
        }
        HttpResponse<String> response = signIn("dominion", "correct horse battery");
        if (response.statusCode() != 303) {
            throw new IllegalStateException("sign-in failed: " + response.statusCode() + " " + response.body());
        }
        get("/admin");
        return this;
    }

    public HttpResponse<String> signIn(String username, String password) throws Exception {
        get("/admin/login");
        return postForm("/admin/login", Map.of("username", username, "password", password));
    }

    /** GET; remembers the CSRF token the page carries. */
    public HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> r = send(
                HttpRequest.newBuilder(URI.create(urls.apply(path))).build(), HttpResponse.BodyHandlers.ofString());
        for (Pattern p : new Pattern[] {CSRF_META, CSRF_FIELD}) {
            Matcher m = p.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
                break;
            }
        }
        return r;
    }

    /** POST a form, with the CSRF token unless the fields say otherwise. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) throws Exception {
        Map<String, String> all = new LinkedHashMap<>();
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        all.putAll(fields);
        String body = all.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(
                HttpRequest.newBuilder(URI.create(urls.apply(path)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** PUT a file from disk as the body, streamed. */
    public HttpResponse<String> putFile(String path, java.nio.file.Path file) throws Exception {
        return send(
                HttpRequest.newBuilder(URI.create(urls.apply(path)))
                        .header("X-CSRF-Token", csrf)
                        .header("X-Requested-With", "XMLHttpRequest")
                        .header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.ofFile(file))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** PUT a body of unknown length (sent chunked), as a browser streams a file it cannot size. */
    public HttpResponse<String> putStream(String path, java.util.function.Supplier<java.io.InputStream> body)
            throws Exception {
        return send(
                HttpRequest.newBuilder(URI.create(urls.apply(path)))
                        .header("X-CSRF-Token", csrf)
                        .header("X-Requested-With", "XMLHttpRequest")
                        .header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.ofInputStream(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** PUT a file as the body, as the upload script does. */
    public HttpResponse<String> put(String path, byte[] body) throws Exception {
        return send(
                HttpRequest.newBuilder(URI.create(urls.apply(path)))
                        .header("X-CSRF-Token", csrf)
                        .header("X-Requested-With", "XMLHttpRequest")
                        .header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** POST one file as multipart/form-data, with the CSRF token as a field. */
    public HttpResponse<String> postFile(String path, String field, String fileName, String type, byte[] content)
            throws Exception {
        String boundary = "castkeeper-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(
                HttpRequest.newBuilder(URI.create(urls.apply(path)))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Any request with a text body and the headers given as name, value, name, value... */
    public HttpResponse<String> rawWithHeaders(String method, String path, String body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(urls.apply(path)))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Any request, with no CSRF token added. */
    public HttpResponse<String> raw(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(urls.apply(path)))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends, trying once more when a kept-alive connection turns out to have been closed by the server before it
     * read a byte of this request (the server closes after refusing an unreadable body, and the client may reuse
     * the connection before it notices). Nothing reached the server, so sending again is safe.
     */
    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws Exception {
        try {
            return http.send(request, handler);
        } catch (java.io.IOException e) {
            if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
                throw e;
            }
            return http.send(request, handler);
        }
    }
}
