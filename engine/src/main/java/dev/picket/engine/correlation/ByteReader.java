package dev.picket.engine.correlation;

import java.nio.charset.StandardCharsets;

/** Reads what {@link ByteWriter} wrote. */
final class ByteReader {
    private final byte[] buf;
    private int pos;

    ByteReader(byte[] buf) {
        this.buf = buf;
    }

    long varLong() {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = buf[pos++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) return value;
        }
    }

    long signedVarLong() {
        long raw = varLong();
        return (raw >>> 1) ^ -(raw & 1);
    }

    int varInt() {
        return Math.toIntExact(varLong());
    }

    String string() {
        int length = varInt();
        String s = new String(buf, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return s;
    }

    long fixedLong() {
        long value = 0;
        for (int i = 0; i < 8; i++) value = (value << 8) | (buf[pos++] & 0xFF);
        return value;
    }

    double number() {
        return Double.longBitsToDouble(fixedLong());
    }

    /** Every state value begins with the time (epoch millis) its group last saw an event. */
    static long recency(byte[] value) {
        return new ByteReader(value).signedVarLong();
    }
}
