package io.maple.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Where webhooks may go (SSRF guard), shared by the API (at submit, without DNS) and the webhook
 * activity (at delivery, on every resolved address). An app's {@code webhook_hosts} lists host
 * names ({@code hooks.example.com}, {@code *.example.com}) or CIDRs; an empty list allows any
 * public host. Loopback, link-local (cloud metadata), private, CGNAT, unspecified and multicast
 * addresses are refused unless the app lists that host or a CIDR holding the address.
 */
public final class WebhookTargets {

    private final List<String> allowed;

    public WebhookTargets(List<String> allowedHosts) {
        this.allowed = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }

    /** Null when the URL may be used at submit (no DNS lookup), else why not. */
    public String refusalAtSubmit(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "is not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "must be an http(s) URL";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not carry user info";
        }
        String host = host(uri);
        if (host == null || host.isEmpty()) {
            return "has no host";
        }
        if (listsName(host)) {
            return null;
        }
        if (isIpLiteral(host)) {
            InetAddress address = literal(host);
            return address == null ? "host '" + host + "' is not a valid address" : refusal(host, address);
        }
        if (looksNumeric(host)) {
            // 0x7f.1, 017700000001, 2130706433: resolvers read these as addresses; refuse the ambiguity
            return "host '" + host + "' is a non-canonical numeric address";
        }
        if (!allowed.isEmpty()) {
            // a CIDR entry cannot admit a name without a lookup: names are listed by name
            return "host '" + host + "' is not among the webhook hosts allowed for this application";
        }
        if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local")
                || host.endsWith(".internal")) {
            return "host '" + host + "' is internal; list it in the application's webhook hosts to allow it";
        }
        return null;
    }

    /** Null when a resolved address of {@code host} may receive a delivery, else why not. */
    public String refusal(String host, InetAddress address) {
        String name = host == null ? "" : host.toLowerCase(Locale.ROOT);
        if (listsName(name) || listsCidrHolding(address)) {
            return null;
        }
        if (!allowed.isEmpty()) {
            return "host '" + host + "' (" + address.getHostAddress()
                    + ") is not among the webhook hosts allowed for this application";
        }
        if (isInternal(address)) {
            return "address " + address.getHostAddress() + " of '" + host + "' is loopback, link-local or private;"
                    + " list it in the application's webhook hosts to allow it";
        }
        return null;
    }

    /** True when the list names this host or holds this address in a CIDR. */
    public boolean lists(String host, InetAddress address) {
        return listsName(host == null ? "" : host.toLowerCase(Locale.ROOT)) || listsCidrHolding(address);
    }

    /** Loopback, link-local, private, CGNAT, unspecified, multicast or otherwise non-public. */
    public static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xFF;
            int second = b[1] & 0xFF;
            return first == 0 // this network
                    || first == 100 && second >= 64 && second < 128 // CGNAT 100.64/10
                    || first == 192 && second == 0 && (b[2] & 0xFF) == 0 // IETF 192.0.0/24
                    || first == 198 && (second == 18 || second == 19) // benchmarking 198.18/15
                    || first >= 240; // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xFF;
            if ((first & 0xFE) == 0xFC) {
                return true; // unique local fc00::/7
            }
            if (isEmbeddingIpv4(b)) {
                // ::ffff:a.b.c.d (Java maps most to Inet4Address already), ::a.b.c.d and NAT64 64:ff9b::/96
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isEmbeddingIpv4(byte[] b) {
        boolean zeros = true;
        for (int i = 0; i < 10; i++) {
            zeros &= b[i] == 0;
        }
        boolean mapped = zeros && ((b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF || b[10] == 0 && b[11] == 0);
        boolean nat64 = (b[0] & 0xFF) == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF
                && (b[3] & 0xFF) == 0x9B;
        return mapped || nat64;
    }

    private boolean listsName(String host) {
        for (String entry : allowed) {
            String e = entry.trim().toLowerCase(Locale.ROOT);
            if (e.equals(host) || e.startsWith("*.") && host.endsWith(e.substring(1))) {
                return true;
            }
        }
        return false;
    }

    private boolean listsCidrHolding(InetAddress address) {
        for (String entry : allowed) {
            String e = entry.trim();
            int slash = e.indexOf('/');
            String base = slash < 0 ? e : e.substring(0, slash);
            if (!isIpLiteral(base)) {
                continue;
            }
            InetAddress network = literal(base);
            if (network == null) {
                continue;
            }
            int prefix;
            try {
                prefix = slash < 0 ? network.getAddress().length * 8 : Integer.parseInt(e.substring(slash + 1));
            } catch (NumberFormatException ex) {
                continue;
            }
            if (contains(network.getAddress(), prefix, address.getAddress())) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(byte[] network, int prefix, byte[] candidate) {
        if (network.length != candidate.length || prefix < 0 || prefix > network.length * 8) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((network[bit / 8] & mask) != (candidate[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static String host(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /** Canonical dotted-quad IPv4 or an IPv6 literal; never triggers DNS. */
    static boolean isIpLiteral(String host) {
        return host.matches("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}")
                || host.contains(":") && host.matches("[0-9a-fA-F:.%a-zA-Z]+");
    }

    private static boolean looksNumeric(String host) {
        return host.matches("[0-9a-fA-Fx.]+") && host.matches(".*\\d.*") && !host.matches(".*[g-wyzG-WYZ].*");
    }

    private static InetAddress literal(String host) {
        try {
            // only reached for literals (isIpLiteral), which InetAddress parses without a lookup
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
