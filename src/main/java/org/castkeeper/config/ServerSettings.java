package org.castkeeper.config;

/**
 * @param uploadLimitMb the biggest audio file the admin pages accept, in megabytes (default 2,048)
 * @param port      where Castkeeper listens
 * @param publicUrl how listeners and directories reach it, e.g. https://podcast.example.org; every URL in the feed
 *                  starts with it. Defaults to http://localhost:PORT
 */
public record ServerSettings(Integer port, String publicUrl, Integer uploadLimitMb) {
    public static final int DEFAULT_PORT = 8080;

    public ServerSettings {
        port = port == null ? DEFAULT_PORT : port;
        uploadLimitMb = uploadLimitMb == null ? 2048 : uploadLimitMb;
        publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip().replaceAll("/+$", "");
    }

    public long uploadLimitBytes() {
        return uploadLimitMb * 1024L * 1024L;
    }

    /** The public URL with no trailing slash. */
    public String baseUrl() {
        return publicUrl != null ? publicUrl : "http://localhost:" + port;
    }
}
