package org.castkeeper.analytics;

import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The country of an address, from a GeoLite2 or DB-IP country (or city) database the host gives
 * ({@code analytics.geoip}), read with MaxMind's GeoIP2 reader. Without one, or with one that cannot be read, there
 * are no countries: a warning at start, and analytics goes on without them. Looked up on the analytics writer's
 * thread, from the address held in memory until then; only the country code is stored.
 */
final class Countries implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(Countries.class);

    private final DatabaseReader reader;

    private Countries(DatabaseReader reader) {
        this.reader = reader;
    }

    static Countries none() {
        return new Countries(null);
    }

    static Countries open(Path file) {
        if (file == null) {
            return none();
        }
        if (!Files.isRegularFile(file)) {
            LOG.warn("analytics.geoip: {} is not there; downloads are counted without countries", file);
            return none();
        }
        try {
            DatabaseReader reader = new DatabaseReader.Builder(file.toFile()).build();
            String type = reader.metadata().databaseType();
            if (!type.contains("Country") && !type.contains("City")) {
                reader.close();
                LOG.warn(
                        "analytics.geoip: {} is a {} database, not a country or city one;"
                                + " downloads are counted without countries",
                        file,
                        type);
                return none();
            }
            return new Countries(reader);
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "analytics.geoip: {} cannot be read as a GeoLite2 or DB-IP database ({});"
                            + " downloads are counted without countries",
                    file,
                    e.getMessage());
            return none();
        }
    }

    boolean known() {
        return reader != null;
    }

    /** The ISO 3166 code of the address's country, or null when there is no database or it does not say. */
    String of(String address) {
        java.util.Optional<InetAddress> ip =
                reader == null ? java.util.Optional.empty() : AddressLiteral.parse(address);
        if (ip.isEmpty()) {
            return null;
        }
        try {
            return reader.tryCountry(ip.get()).map(r -> r.country().isoCode()).orElse(null);
        } catch (GeoIp2Exception e) {
            return null;
        } catch (IOException e) {
            LOG.debug("Country lookup failed: {}", e.toString());
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }
}
