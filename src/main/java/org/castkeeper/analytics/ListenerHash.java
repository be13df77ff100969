package org.castkeeper.analytics;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.castkeeper.media.ContentHash;

/**
 * The salted hashes that stand for a listener: of the address and User-Agent (one listener in one app), and of the
 * address alone (one household). An IPv6 address is cut to its /64 first: a device changes the rest of it often,
 * and the /64 is the household's. The address itself is never stored.
 */
final class ListenerHash {
    private ListenerHash() {}

    static String of(String salt, String address, String userAgent) {
        return hash(salt + "\n" + network(address) + "\n" + (userAgent == null ? "" : userAgent));
    }

    static String ofAddress(String salt, String address) {
        return hash(salt + "\n" + network(address));
    }

    /** The address as it is hashed: an IPv6 address cut to its /64, an IPv4 address as it is. */
    static String network(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return String.valueOf(address);
        }
        Optional<InetAddress> parsed = AddressLiteral.parse(address);
        if (parsed.isEmpty()) {
            return address;
        }
        if (parsed.get() instanceof Inet6Address v6) {
            byte[] bytes = v6.getAddress();
            for (int i = 8; i < 16; i++) {
                bytes[i] = 0;
            }
            try {
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            } catch (java.net.UnknownHostException impossible) {
                return address; // 16 bytes are always an address
            }
        }
        return parsed.get().getHostAddress();
    }

    private static String hash(String text) {
        return ContentHash.sha256(text.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }
}
