package dev.picket.io.decode;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineReaderTest {
    private final List<String> lines = new ArrayList<>();

    private long read(byte[] input, int max) throws IOException {
        return LineReader.read(new ByteArrayInputStream(input), max, new LineReader.Sink() {
            @Override
            public boolean line(byte[] buf, int len, long number) {
                lines.add(number + ":" + new String(buf, 0, len, StandardCharsets.UTF_8));
                return true;
            }

            @Override
            public void oversized(long number) {
                lines.add(number + ":OVERSIZED");
            }
        });
    }

    private long read(String input, int max) throws IOException {
        return read(input.getBytes(StandardCharsets.UTF_8), max);
    }

    @Test
    void splitsOnNewlinesAndCarriageReturnNewlinesAndKeepsALastLineWithoutEnding() throws IOException {
        assertThat(read("a\r\nb\n\nc", 100)).isEqualTo(4);
        assertThat(lines).containsExactly("1:a", "2:b", "3:", "4:c");
    }

    @Test
    void dropsAByteOrderMarkAtTheStartOnly() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x', '\n', 'y'};
        read(bom, 100);
        assertThat(lines).containsExactly("1:x", "2:y");
    }

    @Test
    void reportsALineOverTheLimitAndGoesOnWithTheNext() throws IOException {
        read("short\n" + "z".repeat(11) + "\nexactly10!\n", 10);
        assertThat(lines).containsExactly("1:short", "2:OVERSIZED", "3:exactly10!");
    }

    @Test
    void oversizedLastLineIsReported() throws IOException {
        read("ok\n" + "z".repeat(50), 10);
        assertThat(lines).containsExactly("1:ok", "2:OVERSIZED");
    }

    @Test
    void linesSpanningReadChunksArriveWhole() throws IOException {
        String longLine = "q".repeat(200_000);
        read(longLine + "\nnext\n", 1_000_000);
        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst()).hasSize("1:".length() + 200_000);
        assertThat(lines.get(1)).isEqualTo("2:next");
    }

    @Test
    void anOversizedLineIsNeverHeldWhole() throws IOException {
        // 64 MiB of one line against a 1 KiB limit: memory stays bounded by the limit.
        byte[] huge = new byte[64 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'x');
        huge[huge.length - 1] = '\n';
        read(huge, 1024);
        assertThat(lines).containsExactly("1:OVERSIZED");
    }

    @Test
    void stopsWhenTheSinkSaysSo() throws IOException {
        long seen = LineReader.read(new ByteArrayInputStream("a\nb\nc\n".getBytes(StandardCharsets.UTF_8)), 10,
                new LineReader.Sink() {
                    @Override
                    public boolean line(byte[] buf, int len, long number) {
                        lines.add(number + ":" + new String(buf, 0, len, StandardCharsets.UTF_8));
                        return number < 2;
                    }

                    @Override
                    public void oversized(long number) {
                    }
                });
        assertThat(seen).isEqualTo(2);
        assertThat(lines).containsExactly("1:a", "2:b");
    }
}
