package org.castkeeper.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Client addresses read as literals only: brackets and a zone come off, and a name is never looked up. */
class AddressLiteralTest {
    @Test
    void literalsAreReadAndNamesAreNot() {
        assertThat(AddressLiteral.parse("203.0.113.7"))
                .hasValueSatisfying(a -> assertThat(a.getHostAddress()).isEqualTo("203.0.113.7"));
        assertThat(AddressLiteral.parse("[2001:db8::1]"))
                .hasValueSatisfying(a -> assertThat(a.getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:1"));
        assertThat(AddressLiteral.parse("fe80::1%eth0")).isPresent();
        assertThat(AddressLiteral.parse("localhost"))
                .as("a name: never looked up")
                .isEmpty();
        assertThat(AddressLiteral.parse("example.com")).isEmpty();
        assertThat(AddressLiteral.parse(null)).isEmpty();
        assertThat(ListenerHash.network("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ListenerHash.network("203.0.113.7")).isEqualTo("203.0.113.7");
    }
}
