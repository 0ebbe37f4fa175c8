package dev.picket.sensor.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 {@code sockaddr} as a SOCKADDR record carries it: family (machine order), then
 * port and address in network order. Other families (Unix sockets, netlink) are not network
 * connections and read as null.
 */
public record SocketAddress(String ip, int port) {
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;

    public static SocketAddress parse(byte[] raw) {
        if (raw == null || raw.length < 8) return null;
        int family = (raw[0] & 0xff) | (raw[1] & 0xff) << 8;
        int port = (raw[2] & 0xff) << 8 | (raw[3] & 0xff);
        try {
            if (family == AF_INET) {
                return new SocketAddress(InetAddress.getByAddress(java.util.Arrays.copyOfRange(raw, 4, 8)).getHostAddress(), port);
            }
            if (family == AF_INET6 && raw.length >= 24) {
                InetAddress address = InetAddress.getByAddress(java.util.Arrays.copyOfRange(raw, 8, 24));
                return new SocketAddress(address.getHostAddress(), port);
            }
        } catch (UnknownHostException e) {
            return null; // a wrong-length address: not reachable for the lengths above
        }
        return null;
    }
}
