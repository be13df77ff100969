package org.castkeeper.config;

/**
 * @param url a JDBC URL: jdbc:sqlite:PATH (the default, a file in the data folder) or
 *            jdbc:postgresql://HOST:PORT/DB for a shared catalogue behind several instances
 */
public record DatabaseSettings(String url, String user, String password) {
    public static final DatabaseSettings DEFAULT = new DatabaseSettings(null, null, null);

    @Override
    public String toString() {
        // Never print the password, not even in a debug log.
        return "DatabaseSettings[url=" + url + ", user=" + user + ", password=" + (password == null ? "" : "***") + "]";
    }
}
