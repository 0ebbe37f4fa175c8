package dev.picket.engine.sigma.value;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * {@code cidr}: the value is an IPv4 or IPv6 address inside the network. Addresses are parsed as
 * literals only (never resolved by name); an IPv4-mapped IPv6 address counts as its IPv4 address.
 */
public final class CidrTest implements ValueTest {
    private final byte[] network;
    private final int prefix;
    private final String text;

    private CidrTest(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /** @throws IllegalArgumentException when the text is not an address or address/prefix */
    public static CidrTest parse(String cidr) {
        String t = cidr.strip();
        int slash = t.indexOf('/');
        byte[] address = address(slash < 0 ? t : t.substring(0, slash));
        if (address == null) throw new IllegalArgumentException("'" + cidr + "' is not an IP network");
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("'" + cidr + "' has a prefix length outside 0.." + bits);
            }
        }
        return new CidrTest(address, prefix, t);
    }

    @Override
    public boolean test(JsonNode node) {
        if (!node.isTextual()) return false;
        byte[] address = address(node.textValue());
        if (address == null || address.length != network.length) return false;
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) return false;
        }
        int rest = prefix % 8;
        if (rest == 0) return true;
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[full] & mask) == (network[full] & mask);
    }

    /** The address bytes of an IP literal, or null for anything else. */
    static byte[] address(String s) {
        String t = s.strip();
        if (t.indexOf(':') < 0) return ipv4(t);
        if (t.startsWith("[") && t.endsWith("]")) t = t.substring(1, t.length() - 1);
        int zone = t.indexOf('%');
        if (zone >= 0) t = t.substring(0, zone);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) return null; // literals only: no name lookups
        }
        try {
            return InetAddress.getByName(t).getAddress();
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] ipv4(String t) {
        byte[] out = new byte[4];
        int part = 0;
        int value = -1;
        for (int i = 0; i <= t.length(); i++) {
            char c = i < t.length() ? t.charAt(i) : '.';
            if (c == '.') {
                if (value < 0 || part > 3) return null;
                out[part++] = (byte) value;
                value = -1;
            } else if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) return null;
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    @Override
    public String toString() {
        return "cidr(" + text + ")";
    }
}
