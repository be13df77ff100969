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
 */
public record ServerSettings(Integer port, String publicUrl, Integer uploadLimitMb, List<String> trustedProxies) {
    public static final int DEFAULT_PORT = 8080;

    public ServerSettings {
        port = port == null ? DEFAULT_PORT : port;
        uploadLimitMb = uploadLimitMb == null ? 2048 : uploadLimitMb;
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
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
}
