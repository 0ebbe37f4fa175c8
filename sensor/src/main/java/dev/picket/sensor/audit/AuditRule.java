package dev.picket.sensor.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One rule in the kernel's {@code struct audit_rule_data} encoding: flags (the filter list),
 * action, field count, a 64-word syscall bit mask, then fields, values and operators (64 words
 * each), and a buffer holding the string values (paths, the key) whose lengths are their values.
 * Every rule the sensor adds is on the exit filter, always logs, carries the key {@link #KEY} and
 * leaves the sensor's own process out.
 */
public final class AuditRule {
    /** The key on every rule this sensor adds, so leftovers of a killed sensor can be found and removed. */
    public static final String KEY = "picket-sensor";

    private static final int FILTER_EXIT = 0x04;
    private static final int ALWAYS = 2;
    private static final int WORDS = 64;
    private static final int HEADER_BYTES = 4 * 3 + 4 * WORDS * 4 + 4;
    private static final int EQUAL = 0x40000000;
    private static final int NOT_EQUAL = 0x30000000;
    private static final int FIELD_PID = 0;
    private static final int FIELD_ARCH = 11;
    private static final int FIELD_EXIT = 103;
    private static final int FIELD_WATCH = 105;
    private static final int FIELD_PERM = 106;
    private static final int FIELD_DIR = 107;
    private static final int FIELD_FILTERKEY = 210;
    private static final int ARCH_X86_64 = 0xC000003E;
    /** Permission classes of a watch: write and attribute changes, and reads. */
    public static final int PERM_WRITE = 2;
    public static final int PERM_READ = 4;
    public static final int PERM_ATTR = 8;

    private final byte[] bytes;

    AuditRule(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Logs every call of the given x86-64 syscalls, optionally only those failing with {@code exit}. */
    public static AuditRule syscalls(long selfPid, Integer exit, int... syscalls) {
        Builder b = new Builder();
        for (int nr : syscalls) b.mask[nr / 32] |= 1 << (nr % 32);
        b.field(FIELD_ARCH, EQUAL, ARCH_X86_64);
        if (exit != null) b.field(FIELD_EXIT, EQUAL, exit);
        return b.own(selfPid);
    }

    /** Logs accesses of the permission classes {@code perm} to one file (which need not exist yet). */
    public static AuditRule watch(long selfPid, String path, int perm) {
        return pathRule(FIELD_WATCH, selfPid, path, perm);
    }

    /** Logs accesses of the permission classes {@code perm} anywhere below an existing directory. */
    public static AuditRule directory(long selfPid, String path, int perm) {
        return pathRule(FIELD_DIR, selfPid, path, perm);
    }

    private static AuditRule pathRule(int field, long selfPid, String path, int perm) {
        Builder b = new Builder();
        Arrays.fill(b.mask, -1); // a path rule applies to every syscall; the permission class selects
        b.string(field, path);
        b.field(FIELD_PERM, EQUAL, perm);
        return b.own(selfPid);
    }

    byte[] bytes() {
        return bytes;
    }

    /** The rule's key, or null when it has none. */
    public String key() {
        return strings().get(FIELD_FILTERKEY);
    }

    /** The watched file or directory, or null for a syscall rule. */
    public String path() {
        Map<Integer, String> strings = strings();
        return strings.containsKey(FIELD_WATCH) ? strings.get(FIELD_WATCH) : strings.get(FIELD_DIR);
    }

    /** True for a rule on a whole directory tree. */
    public boolean subtree() {
        return strings().containsKey(FIELD_DIR);
    }

    /** The string fields by field number, read from the buffer in field order. */
    private Map<Integer, String> strings() {
        Map<Integer, String> strings = new HashMap<>();
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        int count = b.getInt(8);
        int stringAt = HEADER_BYTES;
        for (int i = 0; i < count && i < WORDS; i++) {
            int field = b.getInt(12 + 4 * WORDS + 4 * i);
            int value = b.getInt(12 + 8 * WORDS + 4 * i);
            if (!isString(field)) continue;
            if (value < 0 || stringAt + value > bytes.length) break;
            strings.put(field, new String(bytes, stringAt, value, StandardCharsets.UTF_8));
            stringAt += value;
        }
        return strings;
    }

    /** Fields whose value is a length into the string buffer (subject/object labels, watch, dir, exe, key). */
    private static boolean isString(int field) {
        return (field >= 13 && field <= 17) || (field >= 19 && field <= 23) || field == FIELD_WATCH || field == FIELD_DIR
                || field == 112 || field == FIELD_FILTERKEY;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditRule r && Arrays.equals(bytes, r.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    private static final class Builder {
        final int[] mask = new int[WORDS];
        final int[] fields = new int[WORDS];
        final int[] values = new int[WORDS];
        final int[] operators = new int[WORDS];
        final ByteArrayOutputStream strings = new ByteArrayOutputStream();
        int count;

        void field(int field, int operator, int value) {
            fields[count] = field;
            operators[count] = operator;
            values[count++] = value;
        }

        void string(int field, String value) {
            byte[] text = value.getBytes(StandardCharsets.UTF_8);
            field(field, EQUAL, text.length);
            strings.writeBytes(text);
        }

        /** The sensor's own activity would otherwise feed itself: its connections to the server, say. */
        AuditRule own(long selfPid) {
            field(FIELD_PID, NOT_EQUAL, (int) selfPid);
            string(FIELD_FILTERKEY, KEY);
            byte[] text = strings.toByteArray();
            ByteBuffer b = NetlinkSocket.le(HEADER_BYTES + text.length);
            b.putInt(FILTER_EXIT).putInt(ALWAYS).putInt(count);
            for (int[] words : new int[][] {mask, fields, values, operators}) {
                for (int w : words) b.putInt(w);
            }
            b.putInt(text.length).put(text);
            return new AuditRule(b.array());
        }
    }
}
