package org.castkeeper.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.castkeeper.config.AddressRanges;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * The real client address and scheme behind a reverse proxy, taken from the one header the proxy is said to set
 * (server.clientAddressHeader: {@code X-Forwarded-For} with {@code X-Forwarded-Proto}, {@code Forwarded} of RFC
 * 7239, or {@code X-Real-IP}), and only when the request comes from a trusted proxy (server.trustedProxies). From
 * anyone else these headers are ignored: they are the client's own words. The other headers are ignored from
 * everyone: a proxy passes through what it does not set (nginx passes a client's {@code Forwarded} on unchanged), so
 * reading them would let a client name its own address.
 *
 * <p>Written here rather than using Jetty's ForwardedRequestCustomizer because that one trusts every peer and
 * takes the left-most X-Forwarded-For entry, which a client can write itself when the proxy appends to the
 * header. This takes the right-most entry that is not itself a trusted proxy: the address the nearest proxy saw.
 */
final class ClientAddress implements HttpConfiguration.Customizer {
    /** An IP literal (no host names: they would need a DNS lookup), optionally in brackets and with a port. */
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final AddressRanges trusted;
    private final String header;

    /** @param header "x-forwarded-for", "forwarded" or "x-real-ip" (server.clientAddressHeader) */
    ClientAddress(AddressRanges trusted, String header) {
        this.trusted = trusted;
        this.header = header;
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        if (trusted.isEmpty()
                || !(request.getConnectionMetaData().getRemoteSocketAddress() instanceof InetSocketAddress peer)
                || !trusted.test(peer.getAddress())) {
            return request;
        }
        HttpFields headers = request.getHeaders();
        List<String> hops = new ArrayList<>();
        String proto = null;
        if (header.equals("forwarded")) {
            for (String value : headers.getValuesList("Forwarded")) {
                for (String element : value.split(",")) {
                    for (String pair : element.split(";")) {
                        int eq = pair.indexOf('=');
                        if (eq < 0) {
                            continue;
                        }
                        String name = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                        String field = unquote(pair.substring(eq + 1).strip());
                        if (name.equals("for")) {
                            hops.add(field);
                        } else if (name.equals("proto")) {
                            proto = field;
                        }
                    }
                }
            }
        } else {
            // X-Real-IP holds the one address the proxy saw; X-Forwarded-For the chain, the proxy's entry last.
            for (String value : headers.getValuesList(header.equals("x-real-ip") ? "X-Real-IP" : "X-Forwarded-For")) {
                for (String hop : value.split(",")) {
                    hops.add(hop.strip());
                }
            }
            List<String> protos = headers.getValuesList("X-Forwarded-Proto");
            if (!protos.isEmpty()) {
                String last = protos.get(protos.size() - 1);
                proto = last.substring(last.lastIndexOf(',') + 1).strip();
            }
        }
        InetAddress client = null;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                break;
            }
            client = hop;
            if (!trusted.test(hop)) {
                break;
            }
        }
        String scheme = proto == null ? null : proto.toLowerCase(Locale.ROOT);
        if (scheme != null && !scheme.equals("http") && !scheme.equals("https")) {
            scheme = null;
        }
        if (client == null && scheme == null) {
            return request;
        }
        return new Forwarded(request, client == null ? peer : new InetSocketAddress(client, 0), scheme);
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }

    /** The address in "192.0.2.1", "192.0.2.1:4711", "[2001:db8::1]:4711" or "2001:db8::1", else null. */
    static InetAddress literal(String hop) {
        String host = hop.strip();
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            host = close < 0 ? "" : host.substring(1, close);
        } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') > 0) {
            host = host.substring(0, host.indexOf(':'));
        }
        if (!IPV4.matcher(host).matches() && !IPV6.matcher(host).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The request as the client sent it to the proxy. */
    private static final class Forwarded extends Request.Wrapper {
        private final ConnectionMetaData metaData;
        private final HttpURI uri;

        Forwarded(Request request, SocketAddress client, String scheme) {
            super(request);
            boolean secure = scheme != null ? scheme.equals("https") : request.isSecure();
            this.metaData = new ConnectionMetaData.Wrapper(request.getConnectionMetaData()) {
                @Override
                public SocketAddress getRemoteSocketAddress() {
                    return client;
                }

                @Override
                public boolean isSecure() {
                    return secure;
                }
            };
            this.uri = scheme == null
                    ? request.getHttpURI()
                    : HttpURI.build(request.getHttpURI()).scheme(scheme).asImmutable();
        }

        @Override
        public ConnectionMetaData getConnectionMetaData() {
            return metaData;
        }

        @Override
        public HttpURI getHttpURI() {
            return uri;
        }

        @Override
        public boolean isSecure() {
            return metaData.isSecure();
        }
    }
}
