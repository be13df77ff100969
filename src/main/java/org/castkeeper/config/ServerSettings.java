package org.castkeeper.config;

import java.util.List;

/**
 * @param uploadLimitMb the biggest audio file the admin pages accept, in megabytes (default 2,048)
 * @param port      where Castkeeper listens
 * @param publicUrl how listeners and directories reach it, e.g. https://podcast.example.org; every URL in the feed
 *                  starts with it. Defaults to http://localhost:PORT
 * @param trustedProxies addresses or CIDR ranges (e.g. 127.0.0.1, 10.0.0.0/8) of the reverse proxies in front of
 *                  Castkeeper: only requests from these may name the client's address and scheme in Forwarded or
 *                  X-Forwarded-For / X-Forwarded-Proto. Empty (the default) trusts nobody.
 * @param clientAddressHeader the one header a trusted proxy names the client in: "x-forwarded-for" (the default;
 *                  the right-most address that is not a trusted proxy), "forwarded" (RFC 7239) or "x-real-ip".
 *                  Every other such header is ignored, so a client cannot slip in one the proxy passes through.
 * @param headerSeconds how long a new connection has to send its first request's headers before it is closed
 *                  (default 30): headers trickled a byte at a time no longer hold a connection for hours
 * @param drainSeconds on SIGTERM, how long responses in flight (a download at the listener's pace) may take to
 *                  finish before the server exits; no new connection is accepted meanwhile (default 30)
 */
public record ServerSettings(
        Integer port,
        String publicUrl,
        Integer uploadLimitMb,
        List<String> trustedProxies,
        String clientAddressHeader,
        Integer drainSeconds,
        Integer headerSeconds) {
    public static final int DEFAULT_PORT = 8080;
    /** The headers a proxy may name the client in, as server.clientAddressHeader spells them. */
    public static final List<String> CLIENT_ADDRESS_HEADERS = List.of("x-forwarded-for", "forwarded", "x-real-ip");

    public ServerSettings(Integer port, String publicUrl, Integer uploadLimitMb, List<String> trustedProxies) {
        this(port, publicUrl, uploadLimitMb, trustedProxies, null, null, null);
    }

    public ServerSettings {
        port = port == null ? Integer.valueOf(DEFAULT_PORT) : port;
        uploadLimitMb = uploadLimitMb == null ? Integer.valueOf(2048) : uploadLimitMb;
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        drainSeconds = drainSeconds == null ? Integer.valueOf(30) : drainSeconds;
        headerSeconds = headerSeconds == null ? Integer.valueOf(30) : headerSeconds;
        clientAddressHeader = clientAddressHeader == null || clientAddressHeader.isBlank()
                ? "x-forwarded-for"
                : clientAddressHeader.strip().toLowerCase(java.util.Locale.ROOT);
        publicUrl = publicUrl == null || publicUrl.isBlank()
                ? null
                : publicUrl.strip().replaceAll("/+$", "");
    }

    public long uploadLimitBytes() {
        return uploadLimitMb * 1024L * 1024L;
    }

    /** The public URL with no trailing slash. */
    public String baseUrl() {
        return publicUrl != null ? publicUrl : "http://localhost:" + port;
    }

    /**
     * Whether the public URL is an address the internet cannot reach: localhost, a loopback, private or link-local
     * IP address, or a name only a local network knows (no dot, .local, .localhost, .lan, .home.arpa). Names are
     * judged by their form alone, never looked up.
     */
    public boolean isLocalAddress() {
        return isLocalAddress(baseUrl());
    }

    /** {@link #isLocalAddress()} for any URL. */
    public static boolean isLocalAddress(String url) {
        String host;
        try {
            host = java.net.URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return true;
        }
        if (host == null) {
            return true;
        }
        host = host.toLowerCase(java.util.Locale.ROOT);
        if (host.startsWith("[") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            try {
                // An IP literal is parsed, not looked up.
                java.net.InetAddress ip = java.net.InetAddress.getByName(host);
                byte[] b = ip.getAddress();
                boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
                return ip.isLoopbackAddress()
                        || ip.isSiteLocalAddress()
                        || ip.isLinkLocalAddress()
                        || ip.isAnyLocalAddress()
                        || uniqueLocal;
            } catch (java.net.UnknownHostException e) {
                return true;
            }
        }
        return !host.contains(".")
                || host.endsWith(".localhost")
                || host.endsWith(".local")
                || host.endsWith(".lan")
                || host.endsWith(".home.arpa");
    }
}
