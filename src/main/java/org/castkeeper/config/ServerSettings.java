package org.castkeeper.config;

/**
 * @param port      where Castkeeper listens
 * @param publicUrl how listeners and directories reach it, e.g. https://podcast.example.org; every URL in the feed
 *                  starts with it. Defaults to http://localhost:PORT
 */
public record ServerSettings(Integer port, String publicUrl) {
    public static final int DEFAULT_PORT = 8080;

    public ServerSettings {
        port = port == null ? DEFAULT_PORT : port;
        publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip().replaceAll("/+$", "");
    }

    /** The public URL with no trailing slash. */
    public String baseUrl() {
        return publicUrl != null ? publicUrl : "http://localhost:" + port;
    }
}
