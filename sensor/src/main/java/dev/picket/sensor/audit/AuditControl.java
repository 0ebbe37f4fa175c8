package dev.picket.sensor.audit;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests to the kernel's audit subsystem over a unicast netlink socket: read and change the
 * status, add, delete and list rules. Every change is acknowledged by the kernel; a refusal becomes
 * an {@link IOException} naming the errno.
 */
public final class AuditControl implements Closeable {
    static final int AUDIT_GET = 1000;
    static final int AUDIT_SET = 1001;
    static final int AUDIT_LIST_RULES = 1013;
    static final int AUDIT_ADD_RULE = 1011;
    static final int AUDIT_DEL_RULE = 1012;
    private static final int NLMSG_ERROR = 2;
    private static final int NLMSG_DONE = 3;
    private static final int NLM_F_REQUEST = 1;
    private static final int NLM_F_ACK = 4;

    private final NetlinkSocket socket;
    private final byte[] buffer = new byte[64 * 1024];

    private AuditControl(NetlinkSocket socket) {
        this.socket = socket;
    }

    public static AuditControl open() throws IOException {
        return new AuditControl(NetlinkSocket.open(0, 0, 2000));
    }

    public AuditStatus status() throws IOException {
        int seq = socket.send(AUDIT_GET, NLM_F_REQUEST, new byte[0]);
        AuditStatus[] status = new AuditStatus[1];
        while (status[0] == null) {
            readReplies(seq, (type, data, offset, length) -> {
                if (type == AUDIT_GET) status[0] = AuditStatus.parse(data, offset, length);
                return type == AUDIT_GET;
            });
        }
        return status[0];
    }

    /** Sets the enabled flag and the backlog limit; the failure mode is never part of the request. */
    public void set(int enabled, int backlogLimit) throws IOException {
        request(AUDIT_SET, AuditStatus.set(AuditStatus.MASK_ENABLED | AuditStatus.MASK_BACKLOG_LIMIT, enabled, backlogLimit));
    }

    public void addRule(AuditRule rule) throws IOException {
        request(AUDIT_ADD_RULE, rule.bytes());
    }

    public void deleteRule(AuditRule rule) throws IOException {
        request(AUDIT_DEL_RULE, rule.bytes());
    }

    /** Every rule the kernel holds, in its own encoding (so a listed rule can be deleted as it is). */
    public List<AuditRule> rules() throws IOException {
        int seq = socket.send(AUDIT_LIST_RULES, NLM_F_REQUEST, new byte[0]);
        List<AuditRule> rules = new ArrayList<>();
        boolean[] done = new boolean[1];
        while (!done[0]) {
            readReplies(seq, (type, data, offset, length) -> {
                if (type == AUDIT_LIST_RULES) {
                    byte[] rule = new byte[length];
                    System.arraycopy(data, offset, rule, 0, length);
                    rules.add(new AuditRule(rule));
                } else if (type == NLMSG_DONE) {
                    done[0] = true;
                }
                return done[0];
            });
        }
        return rules;
    }

    private void request(int type, byte[] payload) throws IOException {
        int seq = socket.send(type, NLM_F_REQUEST | NLM_F_ACK, payload);
        boolean[] acked = new boolean[1];
        while (!acked[0]) {
            readReplies(seq, (t, data, offset, length) -> {
                if (t != NLMSG_ERROR) return false;
                int errno = -ByteBuffer.wrap(data, offset, 4).order(ByteOrder.nativeOrder()).getInt();
                if (errno != 0) throw new IOException("audit request " + type + " refused: " + Errno.describe(errno));
                acked[0] = true;
                return true;
            });
        }
    }

    /** Reads one datagram and hands each message of the given sequence to the handler. */
    private void readReplies(int seq, Reply handler) throws IOException {
        int length = socket.receive(buffer);
        if (length == 0) throw new IOException("the kernel did not answer an audit request");
        ByteBuffer b = ByteBuffer.wrap(buffer, 0, length).order(ByteOrder.nativeOrder());
        int at = 0;
        while (at + NetlinkSocket.HEADER <= length) {
            int messageLength = b.getInt(at);
            int type = Short.toUnsignedInt(b.getShort(at + 4));
            int messageSeq = b.getInt(at + 8);
            if (messageLength < NetlinkSocket.HEADER || at + messageLength > length) break;
            if (messageSeq == seq && type == NLMSG_ERROR && b.getInt(at + NetlinkSocket.HEADER) != 0) {
                int errno = -b.getInt(at + NetlinkSocket.HEADER);
                throw new IOException("audit request refused: " + Errno.describe(errno));
            }
            if (messageSeq == seq && handler.message(type, buffer, at + NetlinkSocket.HEADER, messageLength - NetlinkSocket.HEADER)) {
                return;
            }
            at += (messageLength + 3) & ~3;
        }
    }

    @Override
    public void close() {
        socket.close();
    }

    @FunctionalInterface
    private interface Reply {
        /** @return true when the awaited reply has arrived */
        boolean message(int type, byte[] data, int offset, int length) throws IOException;
    }
}
