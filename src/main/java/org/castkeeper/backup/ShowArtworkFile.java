package org.castkeeper.backup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.castkeeper.config.AppConfig;
import org.castkeeper.config.ShowJson;

/**
 * The show artwork a catalogue names: since the host can upload new artwork in the admin, the file is the one the
 * stored show settings name, not necessarily feed-config.yml's. A catalogue from before the settings moved into
 * it names none, and then the file's artwork is the one.
 */
final class ShowArtworkFile {
    private ShowArtworkFile() {}

    static Path of(AppConfig config, String jdbcUrl, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                Statement s = c.createStatement()) {
            boolean hasSettings;
            try (ResultSet tables = c.getMetaData().getTables(null, null, "show_settings", null)) {
                hasSettings = tables.next();
            }
            if (!hasSettings) {
                return config.showArtwork();
            }
            try (ResultSet r = s.executeQuery("SELECT settings FROM show_settings ORDER BY show_id")) {
                return r.next() ? config.artworkFile(ShowJson.read(r.getString(1))) : config.showArtwork();
            }
        }
    }
}
