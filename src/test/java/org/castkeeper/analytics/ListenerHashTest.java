package org.castkeeper.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListenerHashTest {
    @Test
    void anIpv6AddressIsCutToItsSlash64BeforeHashing() {
        assertThat(ListenerHash.network("2001:db8:1234:5678:aaaa:bbbb:cccc:dddd"))
                .isEqualTo("2001:db8:1234:5678:0:0:0:0/64");
        assertThat(ListenerHash.of("salt", "2001:db8:1234:5678::1", "App"))
                .isEqualTo(ListenerHash.of("salt", "2001:db8:1234:5678:ffff::2", "App"));
        assertThat(ListenerHash.network("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void aListenerIsTheSameWithinADayAndAnotherWithAnotherSaltOrApp() {
        String today = ListenerHash.of("salt-of-today", "203.0.113.7", "Overcast/3.0");
        assertThat(ListenerHash.of("salt-of-today", "203.0.113.7", "Overcast/3.0"))
                .isEqualTo(today);
        assertThat(ListenerHash.of("salt-of-tomorrow", "203.0.113.7", "Overcast/3.0"))
                .isNotEqualTo(today);
        assertThat(ListenerHash.of("salt-of-today", "203.0.113.7", "Spotify/8.9"))
                .isNotEqualTo(today);
        assertThat(ListenerHash.ofAddress("salt-of-today", "203.0.113.7"))
                .isNotEqualTo(today)
                .doesNotContain("203");
    }
}
