package dev.picket.engine.correlation;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Compact encoding of state values: unsigned varints, UTF-8 strings with a varint length, raw doubles. */
final class ByteWriter {
    private byte[] buf = new byte[32];
    private int size;

    ByteWriter varLong(long value) {
        if (value < 0) throw new IllegalArgumentException("negative varint: " + value);
        while ((value & ~0x7FL) != 0) {
            put((byte) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        put((byte) value);
        return this;
    }

    /** A varint that may be negative (zig-zag), for times. */
    ByteWriter signedVarLong(long value) {
        return varLong((value << 1) ^ (value >> 63));
    }

    ByteWriter string(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        varLong(bytes.length);
        for (byte b : bytes) put(b);
        return this;
    }

    ByteWriter fixedLong(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) put((byte) (value >>> shift));
        return this;
    }

    ByteWriter number(double value) {
        return fixedLong(Double.doubleToRawLongBits(value));
    }

    byte[] toBytes() {
        return Arrays.copyOf(buf, size);
    }

    private void put(byte b) {
        if (size == buf.length) buf = Arrays.copyOf(buf, size * 2);
        buf[size++] = b;
    }
}
