package org.castkeeper.config;

import java.nio.file.Path;

/**
 * The whole configuration, immutable. {@link #show()} is the show section as the file and the environment give
 * it: it seeds the catalogue on first start, after which the show's settings live in the catalogue (edited at
 * /admin/settings; see {@code ShowSettingsRepository}) and {@code show()} is only their starting point. Paths in the file are relative to the file's folder; the methods here
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
        BackupSettings backup,
        ShowSettings fileShow,
        ShowOverrides showOverrides,
        AnalyticsSettings analytics) {

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
    /** The country database for analytics (analytics.geoip), or null when none is set. */
    public Path geoipFile() {
        String file = analytics.geoip();
        return file == null || file.isBlank() ? null : baseDir().resolve(file).normalize();
    }

    /**
     * Where uploads wait until they are checked and stored: inside the media folder (so storing one is a rename),
     * or data/uploads when the media live in a bucket.
     */
    public Path uploadSpoolDir() {
        return storage.inBucket() ? dataDir().resolve("uploads") : mediaDir();
    }

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

    /** Where show artwork uploaded in the admin (or taken from an old feed) is kept: data/show-artwork. */
    public Path showArtworkDir() {
        return dataDir().resolve("show-artwork");
    }

    /**
     * How a file in this instance's folders is named in the settings: relative to the config file's folder when
     * it is inside it (so the folder can move), else absolute.
     */
    public String settingFor(Path file) {
        Path base = baseDir();
        return file.startsWith(base) ? base.relativize(file).toString() : file.toString();
    }

    /** The show artwork the file names (show.artwork); the catalogue's settings may name another. */
    public Path showArtwork() {
        return artworkFile(show);
    }

    /** The artwork file {@code settings} names: a path relative to the config file's folder, or absolute. */
    public Path artworkFile(ShowSettings settings) {
        return baseDir().resolve(settings.artwork()).normalize();
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
            if (!file.isEmpty()
                    && !file.startsWith(":memory:")
                    && !file.startsWith("file:")
                    && !Path.of(file).isAbsolute()) {
                return sqlite + baseDir().resolve(file).normalize() + params;
            }
        }
        return url;
    }

    /**
     * The same configuration listening on another port (the --port option). A public URL on this machine
     * (localhost, 127.0.0.1) follows the port, so the feed's links work; a real address is left alone.
     */
    public AppConfig withPort(int port) {
        String publicUrl = server.publicUrl();
        if (publicUrl != null && port > 0) {
            publicUrl = publicUrl.replaceFirst("^(https?://(?:localhost|127\\.0\\.0\\.1))(:\\d+)?$", "$1:" + port);
        }
        return new AppConfig(
                source,
                show,
                new ServerSettings(
                        port,
                        publicUrl,
                        server.uploadLimitMb(),
                        server.trustedProxies(),
                        server.clientAddressHeader(),
                        server.drainSeconds(),
                        server.headerSeconds()),
                storage,
                database,
                feed,
                notifications,
                backup,
                fileShow,
                showOverrides,
                analytics);
    }
}
