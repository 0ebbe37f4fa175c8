package dev.picket.io.decode;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into numbered lines without decoding characters and without ever holding
 * more than {@code maxLineBytes} of one line: a longer line is reported as oversized and its bytes
 * are dropped as they arrive. Accepts {@code \n} and {@code \r\n} endings and drops a leading UTF-8
 * byte order mark.
 */
final class LineReader {
    /** Receives the lines; returning false from {@link #line} stops reading. */
    interface Sink {
        /** One line without its ending; {@code buf} is reused after the call returns. */
        boolean line(byte[] buf, int len, long number);

        /** A line longer than the limit, dropped. */
        void oversized(long number);
    }

    private static final int CHUNK = 64 * 1024;

    private final int maxLineBytes;
    private byte[] line = new byte[8 * 1024];
    private int length;
    private boolean dropping;
    private long number;

    private LineReader(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    /** Reads every line of {@code in} into the sink; returns the number of lines seen. */
    static long read(InputStream in, int maxLineBytes, Sink sink) throws IOException {
        return new LineReader(maxLineBytes).run(in, sink);
    }

    private long run(InputStream in, Sink sink) throws IOException {
        byte[] chunk = new byte[CHUNK];
        boolean first = true;
        int n;
        // read, not readNBytes: a followed log (the sensor's sshd tail) hands over each line as it arrives.
        while ((n = in.read(chunk, 0, CHUNK)) > 0) {
            int from = 0;
            if (first) {
                first = false;
                if (n >= 3 && (chunk[0] & 0xff) == 0xEF && (chunk[1] & 0xff) == 0xBB && (chunk[2] & 0xff) == 0xBF) from = 3;
            }
            for (int i = from; i < n; i++) {
                if (chunk[i] == '\n') {
                    append(chunk, from, i);
                    if (!finishLine(sink)) return number;
                    from = i + 1;
                }
            }
            append(chunk, from, n);
        }
        if (length > 0 || dropping) finishLine(sink);
        return number;
    }

    private void append(byte[] chunk, int from, int to) {
        int count = to - from;
        if (count == 0 || dropping) return;
        if (length + count > maxLineBytes) {
            dropping = true;
            length = 0;
            return;
        }
        if (length + count > line.length) {
            long doubled = Math.max(2L * line.length, (long) length + count);
            line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, doubled));
        }
        System.arraycopy(chunk, from, line, length, count);
        length += count;
    }

    private boolean finishLine(Sink sink) {
        number++;
        boolean more = true;
        if (dropping) {
            sink.oversized(number);
        } else {
            int len = length;
            if (len > 0 && line[len - 1] == '\r') len--;
            more = sink.line(line, len, number);
        }
        dropping = false;
        length = 0;
        return more;
    }
}
