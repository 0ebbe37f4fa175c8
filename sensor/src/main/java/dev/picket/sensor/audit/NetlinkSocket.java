package dev.picket.sensor.audit;

import com.sun.jna.LastErrorException;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A NETLINK_AUDIT socket. Messages are {@code nlmsghdr} (length, type, flags, sequence, port id)
 * followed by the payload, in the machine's byte order. Receiving waits at most the timeout given
 * at open time, so a reader thread can notice it is asked to stop.
 */
final class NetlinkSocket implements Closeable {
    static final int HEADER = 16;
    private static final int NETLINK_AUDIT = 9;

    private final int fd;
    private int sequence;

    private NetlinkSocket(int fd) {
        this.fd = fd;
    }

    /**
     * @param groups         multicast groups to join (bit mask; 0 for a control socket)
     * @param receiveBuffer  the receive buffer to force (bytes), or 0 for the default
     * @param timeoutMillis  how long a receive waits before it reports "nothing yet"
     */
    static NetlinkSocket open(int groups, int receiveBuffer, int timeoutMillis) throws IOException {
        int fd;
        try {
            fd = LibC.INSTANCE.socket(LibC.AF_NETLINK, LibC.SOCK_RAW | LibC.SOCK_CLOEXEC, NETLINK_AUDIT);
        } catch (LastErrorException e) {
            throw new IOException("cannot open the audit netlink socket: " + Errno.describe(e.getErrorCode()), e);
        }
        NetlinkSocket socket = new NetlinkSocket(fd);
        try {
            if (receiveBuffer > 0) socket.receiveBuffer(receiveBuffer);
            byte[] timeval = le(16).putLong(timeoutMillis / 1000).putLong((timeoutMillis % 1000) * 1000L).array();
            LibC.INSTANCE.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVTIMEO, timeval, timeval.length);
            if (groups != 0) LibC.INSTANCE.bind(fd, address(groups), 12);
        } catch (LastErrorException e) {
            socket.close();
            String what = groups != 0 ? "join the audit multicast group" : "configure the audit socket";
            throw new IOException("cannot " + what + ": " + Errno.describe(e.getErrorCode()), e);
        }
        return socket;
    }

    /**
     * Asks for a large receive buffer, so a burst of records waits in the socket rather than being
     * dropped. Beyond the system's {@code net.core.rmem_max} only CAP_NET_ADMIN may go; without it
     * the buffer is as large as that limit allows.
     */
    private void receiveBuffer(int bytes) {
        byte[] size = le(4).putInt(bytes).array();
        try {
            LibC.INSTANCE.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVBUFFORCE, size, 4);
        } catch (LastErrorException e) {
            LibC.INSTANCE.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVBUF, size, 4);
        }
    }

    /** Sends one message to the kernel; returns its sequence number. */
    int send(int type, int flags, byte[] payload) throws IOException {
        int seq = ++sequence;
        ByteBuffer message = le(HEADER + payload.length);
        message.putInt(HEADER + payload.length).putShort((short) type).putShort((short) flags).putInt(seq).putInt(0).put(payload);
        try {
            LibC.INSTANCE.sendto(fd, message.array(), message.capacity(), 0, address(0), 12);
        } catch (LastErrorException e) {
            throw new IOException("audit request " + type + " failed: " + Errno.describe(e.getErrorCode()), e);
        }
        return seq;
    }

    /**
     * Receives one datagram into the buffer.
     *
     * @return its length, 0 when the timeout passed with nothing to read
     * @throws Overrun when the kernel dropped messages because the receive buffer was full
     */
    int receive(byte[] buffer) throws IOException {
        try {
            return (int) LibC.INSTANCE.recv(fd, buffer, buffer.length, 0);
        } catch (LastErrorException e) {
            int errno = e.getErrorCode();
            if (errno == LibC.EAGAIN || errno == LibC.EINTR) return 0;
            if (errno == LibC.ENOBUFS) throw new Overrun();
            throw new IOException("cannot read the audit socket: " + Errno.describe(errno), e);
        }
    }

    @Override
    public void close() {
        try {
            LibC.INSTANCE.close(fd);
        } catch (LastErrorException e) {
            // already closed: nothing to release
        }
    }

    /** {@code sockaddr_nl} of the kernel (port 0) with the given groups. */
    private static byte[] address(int groups) {
        return le(12).putShort((short) LibC.AF_NETLINK).putShort((short) 0).putInt(0).putInt(groups).array();
    }

    static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
    }

    /** The kernel dropped messages for this socket (ENOBUFS); reading can go on. */
    static final class Overrun extends IOException {
        Overrun() {
            super("audit socket receive buffer overrun");
        }
    }
}
