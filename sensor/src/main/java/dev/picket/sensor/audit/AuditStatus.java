package dev.picket.sensor.audit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The kernel's {@code struct audit_status}: the fields the sensor reads or restores.
 *
 * @param enabled      0 off, 1 on, 2 on and locked (rules can no longer change until reboot)
 * @param failure      what the kernel does when it cannot log (0 silent, 1 printk, 2 panic); never changed here
 * @param pid          the audit daemon's port, 0 when none is registered
 * @param backlogLimit how many records may queue in the kernel before it drops them
 * @param lost         records the kernel dropped since boot
 */
public record AuditStatus(int enabled, int failure, int pid, int backlogLimit, long lost) {
    static final int MASK_ENABLED = 0x1;
    static final int MASK_BACKLOG_LIMIT = 0x10;

    static AuditStatus parse(byte[] payload, int offset, int length) {
        ByteBuffer b = ByteBuffer.wrap(payload, offset, length).order(ByteOrder.nativeOrder());
        b.getInt(); // mask
        int enabled = b.getInt();
        int failure = b.getInt();
        int pid = b.getInt();
        b.getInt(); // rate limit
        int backlogLimit = b.getInt();
        long lost = Integer.toUnsignedLong(b.getInt());
        return new AuditStatus(enabled, failure, pid, backlogLimit, lost);
    }

    /** An {@code AUDIT_SET} payload changing only the fields in {@code mask}. */
    static byte[] set(int mask, int enabled, int backlogLimit) {
        return NetlinkSocket.le(40).putInt(mask).putInt(enabled).putInt(0).putInt(0).putInt(0).putInt(backlogLimit).array();
    }

    public boolean locked() {
        return enabled == 2;
    }
}
