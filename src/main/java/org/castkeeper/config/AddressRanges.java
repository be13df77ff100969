package org.castkeeper.config;

import java.net.InetAddress;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.InetAddressPattern;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * A set of IP addresses and CIDR ranges, such as server.trustedProxies. Parsing and matching are Jetty's
 * {@link InetAddressSet} (a utility, not the server); this class only refuses host names, which Jetty would look
 * up in DNS.
 */
public final class AddressRanges implements Predicate<InetAddress> {
    /** Digits and dots (IPv4) or hex digits and colons (IPv6), with an optional /prefix. */
    private static final Pattern LITERAL = Pattern.compile("([0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)(/[0-9]{1,3})?");

    private final InetAddressSet set = new InetAddressSet();

    public AddressRanges(List<String> ranges) {
        for (String range : ranges) {
            if (!isValid(range)) {
                throw new IllegalArgumentException("not an IP address or CIDR range: " + range);
            }
            set.add(range.strip());
        }
    }

    public static boolean isValid(String range) {
        if (range == null || !LITERAL.matcher(range.strip()).matches()) {
            return false;
        }
        try {
            InetAddressPattern.from(range.strip());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public boolean isEmpty() {
        return set.isEmpty();
    }

    @Override
    public boolean test(InetAddress address) {
        return address != null && set.test(address);
    }
}
