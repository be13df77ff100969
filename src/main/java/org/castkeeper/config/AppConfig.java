package org.castkeeper.config;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * The whole configuration, immutable. Paths in the file are relative to the file's folder; the methods here
 * resolve them, so nothing else needs to know where the config came from.
 */
public record AppConfig(
        Path source,
        ShowSettings show,
        ServerSettings server,
        StorageSettings storage,
        DatabaseSettings database,
        FeedSettings feed,
        NotifySettings notifications,
        BackupSettings backup) {

    public Path baseDir() {
        return source.toAbsolutePath().normalize().getParent();
    }

    public Path episodesDir() {
        return baseDir().resolve(storage.episodes()).normalize();
    }

    public Path dataDir() {
        return baseDir().resolve(storage.data()).normalize();
    }

    /** The media store: what Castkeeper serves, under names it chooses. Its own; the host never edits it. */
    public Path mediaDir() {
        return dataDir().resolve("media");
    }

    /** Files no episode uses any more, kept for storage.retainDays before they are deleted. */
    public Path retiredDir() {
        return dataDir().resolve("retired");
    }

    /** Where scheduled backups go (backup.dest), or null when they are off. */
    public Path backupDir() {
        return backup.dest() == null ? null : baseDir().resolve(backup.dest()).normalize();
    }

    /** Where `serve` puts the snapshot it takes before it upgrades the database. */
    public Path upgradeBackupDir() {
        return dataDir().resolve("backups");
    }

    public Path showArtwork() {
        return baseDir().resolve(show.artwork()).normalize();
    }

    public ZoneId timeZone() {
        return ZoneId.of(show.timeZone());
    }

    /** The JDBC URL to open; a relative SQLite path is taken relative to the config file's folder. */
    public String databaseUrl() {
        String url = database.url();
        if (url == null || url.isBlank()) {
            return "jdbc:sqlite:" + dataDir().resolve("castkeeper.db");
        }
        String sqlite = "jdbc:sqlite:";
        if (url.startsWith(sqlite)) {
            String rest = url.substring(sqlite.length());
            int query = rest.indexOf('?');
            String file = query < 0 ? rest : rest.substring(0, query);
            String params = query < 0 ? "" : rest.substring(query);
            if (!file.isEmpty() && !file.startsWith(":memory:") && !file.startsWith("file:") && !Path.of(file).isAbsolute()) {
                return sqlite + baseDir().resolve(file).normalize() + params;
            }
        }
        return url;
    }

    /** The same configuration listening on another port (the --port option). */
    public AppConfig withPort(int port) {
        return new AppConfig(source, show, new ServerSettings(port, server.publicUrl(), server.uploadLimitMb(), server.trustedProxies()), storage, database, feed, notifications, backup);
    }
}
