package org.castkeeper.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Countries come only from a country database that can be read; otherwise there are none, and nothing fails. */
class CountriesTest {
    @TempDir
    Path dir;

    @Test
    void aMissingOrUnreadableDatabaseGivesNoCountries() throws Exception {
        assertThat(Countries.open(null).known()).isFalse();
        assertThat(Countries.open(dir.resolve("GeoLite2-Country.mmdb")).known()).isFalse();
        Path garbage = Files.writeString(dir.resolve("broken.mmdb"), "not a MaxMind database");
        try (Countries none = Countries.open(garbage)) {
            assertThat(none.known()).isFalse();
            assertThat(none.of("81.2.69.160")).isNull();
        }
    }

    @Test
    void aWrittenDatabaseNamesTheCountryOfAnAddressAndNeverLooksUpAName() throws Exception {
        Path mmdb = dir.resolve("countries.mmdb");
        ListenerAnalyticsIT.makeCountryDatabase(mmdb, "192.0.2.0/24=NG", "2001:db8::/32=GB");
        try (Countries countries = Countries.open(mmdb)) {
            assertThat(countries.known()).isTrue();
            assertThat(countries.of("192.0.2.7")).isEqualTo("NG");
            assertThat(countries.of("2001:db8::1")).isEqualTo("GB");
            assertThat(countries.of("198.51.100.1")).isNull();
            assertThat(countries.of("example.com"))
                    .as("a name is never looked up")
                    .isNull();
        }
    }
}
