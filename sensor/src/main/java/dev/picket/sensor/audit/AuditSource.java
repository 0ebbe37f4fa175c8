package dev.picket.sensor.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The kernel's audit records, read from the audit netlink multicast group (the read-only log
 * group: no audit daemon is needed, and one that runs keeps running). Opening it enables audit and
 * adds the sensor's rules; closing it removes them and puts back the enabled flag and backlog
 * limit it found. The failure mode is never touched, so the sensor can never make the kernel panic.
 */
public final class AuditSource implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditSource.class);
    private static final int READLOG_GROUP = 1;
    private static final int RECEIVE_BUFFER = 32 * 1024 * 1024;
    private static final int BACKLOG_LIMIT = 8192;
    private static final int POLL_MILLIS = 200;

    private final NetlinkSocket multicast;
    private final AuditControl control;
    private final AuditStatus before;
    private final List<AuditRule> added = new ArrayList<>();
    private final byte[] buffer = new byte[64 * 1024];
    private long overruns;

    private AuditSource(NetlinkSocket multicast, AuditControl control, AuditStatus before) {
        this.multicast = multicast;
        this.control = control;
        this.before = before;
    }

    /**
     * Joins the multicast group, removes rules a killed sensor left behind, enables audit and adds
     * the rules. Nothing of the kernel's state is changed when any step before the rules fails.
     *
     * @throws IOException naming why the audit socket is unavailable (no kernel support, missing
     *                     capability, audit locked by the node's configuration)
     */
    public static AuditSource open(List<AuditRule> rules) throws IOException {
        NetlinkSocket multicast = NetlinkSocket.open(1 << (READLOG_GROUP - 1), RECEIVE_BUFFER, POLL_MILLIS);
        AuditControl control;
        AuditStatus before;
        try {
            control = AuditControl.open();
            before = control.status();
        } catch (IOException e) {
            multicast.close();
            throw e;
        }
        AuditSource source = new AuditSource(multicast, control, before);
        try {
            if (before.locked()) throw new IOException("audit is locked (enabled=2): its rules cannot change until reboot");
            removeLeftovers(control);
            control.set(1, Math.max(before.backlogLimit(), BACKLOG_LIMIT));
            for (AuditRule rule : rules) {
                control.addRule(rule);
                source.added.add(rule);
            }
        } catch (IOException e) {
            source.close();
            throw e;
        }
        return source;
    }

    /** Deletes every rule carrying the sensor's key (from a sensor that could not clean up after itself). */
    public static int removeLeftovers(AuditControl control) throws IOException {
        int removed = 0;
        for (AuditRule rule : control.rules()) {
            if (AuditRule.KEY.equals(rule.key())) {
                control.deleteRule(rule);
                removed++;
            }
        }
        return removed;
    }

    /**
     * Reads what arrived within the poll interval and hands each record on.
     *
     * @return how many records were read (0 when the interval passed quietly)
     */
    public int poll(Consumer<AuditRecord> records) throws IOException {
        int length;
        try {
            length = multicast.receive(buffer);
        } catch (NetlinkSocket.Overrun e) {
            overruns++;
            return 0;
        }
        ByteBuffer b = ByteBuffer.wrap(buffer, 0, length).order(ByteOrder.nativeOrder());
        int at = 0;
        int count = 0;
        while (at + NetlinkSocket.HEADER <= length) {
            int messageLength = b.getInt(at);
            int type = Short.toUnsignedInt(b.getShort(at + 4));
            if (messageLength < NetlinkSocket.HEADER || at + messageLength > length) break;
            int textLength = messageLength - NetlinkSocket.HEADER;
            while (textLength > 0 && buffer[at + NetlinkSocket.HEADER + textLength - 1] == 0) textLength--;
            AuditRecord record = AuditRecord.parse(type, new String(buffer, at + NetlinkSocket.HEADER, textLength, StandardCharsets.UTF_8));
            if (record != null) {
                records.accept(record);
                count++;
            }
            at += (messageLength + 3) & ~3;
        }
        return count;
    }

    /** Adds a rule while running; {@link #close} removes it with the others. */
    public void add(AuditRule rule) throws IOException {
        control.addRule(rule);
        added.add(rule);
    }

    /**
     * Removes a rule added while running. The kernel drops a watch by itself when the watched
     * directory goes away (a container's root unmounted), so a rule already gone is no failure.
     */
    public void remove(AuditRule rule) {
        if (!added.remove(rule)) return;
        try {
            control.deleteRule(rule);
        } catch (IOException e) {
            LOG.debug("audit rule already gone: {}", e.getMessage());
        }
    }

    /** Times the socket's receive buffer overflowed (records lost on the way to the sensor). */
    public long overruns() {
        return overruns;
    }

    /** Records the kernel dropped since the sensor started (backlog full, rate limit). */
    public long kernelLost() throws IOException {
        return Math.max(0, control.status().lost() - before.lost());
    }

    /** Removes the rules and restores the enabled flag and backlog limit found at start. */
    @Override
    public void close() {
        for (AuditRule rule : added) {
            try {
                control.deleteRule(rule);
            } catch (IOException e) {
                LOG.warn("could not remove an audit rule: {}", e.getMessage());
            }
        }
        added.clear();
        try {
            if (!before.locked()) control.set(before.enabled(), before.backlogLimit());
        } catch (IOException e) {
            LOG.warn("could not restore the audit status: {}", e.getMessage());
        }
        control.close();
        multicast.close();
    }
}
