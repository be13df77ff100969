package org.castkeeper.analytics;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A client address as the server resolved it ("203.0.113.7", "2001:db8::1", "[2001:db8::1]", "fe80::1%eth0"), read
 * as an {@link InetAddress} without ever asking DNS: anything that is not an IPv4 or IPv6 literal is no address.
 */
final class AddressLiteral {
    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    private AddressLiteral() {}

    static Optional<InetAddress> parse(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String bare = address.replaceAll("^\\[|]$", "").replaceFirst("%.*$", "");
        if (!LITERAL.matcher(bare).matches()) {
            return Optional.empty();
        }
        try {
            // Only hex digits, dots and colons reach here: no lookup happens.
            return Optional.of(InetAddress.getByName(bare));
        } catch (UnknownHostException notALiteral) {
            return Optional.empty();
        }
    }
}
