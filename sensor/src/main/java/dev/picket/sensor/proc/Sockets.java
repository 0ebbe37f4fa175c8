package dev.picket.sensor.proc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two ends of a process's TCP socket, from {@code /proc/PID/fd/FD} (its inode) and the
 * process's {@code /proc/PID/net/tcp} / {@code tcp6} tables. An accepted connection's local port
 * is what tells an exposed service apart; the accept syscall's record does not carry it.
 */
public final class Sockets {
    /** Both ends of a connection. */
    public record Ends(String localIp, int localPort, String remoteIp, int remotePort) {
    }

    private final Path proc;

    public Sockets(Path proc) {
        this.proc = proc;
    }

    /** The socket's ends, or null when the process, descriptor or socket is gone or not TCP. */
    public Ends of(long pid, long fd) {
        Path dir = proc.resolve(Long.toString(pid));
        String inode;
        try {
            String target = Files.readSymbolicLink(dir.resolve("fd").resolve(Long.toString(fd))).toString();
            if (!target.startsWith("socket:[")) return null;
            inode = target.substring("socket:[".length(), target.length() - 1);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        for (String table : new String[] {"tcp", "tcp6"}) {
            try {
                for (String line : Files.readAllLines(dir.resolve("net").resolve(table))) {
                    Ends ends = parse(line, inode);
                    if (ends != null) return ends;
                }
            } catch (IOException | RuntimeException e) {
                // no such table in this namespace
            }
        }
        return null;
    }

    /** One table line, when it is the socket with the inode: "sl local rem st queues tr retr uid timeout inode …". */
    static Ends parse(String line, String inode) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 10 || !f[9].equals(inode)) return null;
        String[] local = f[1].split(":");
        String[] remote = f[2].split(":");
        if (local.length != 2 || remote.length != 2) return null;
        return new Ends(address(local[0]), Integer.parseInt(local[1], 16), address(remote[0]), Integer.parseInt(remote[1], 16));
    }

    /** The kernel prints the address as 32-bit words in host (little-endian) order. */
    private static String address(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = word * 8 + (3 - i) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
