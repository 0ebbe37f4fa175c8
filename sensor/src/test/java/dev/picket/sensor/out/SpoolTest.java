package dev.picket.sensor.out;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SpoolTest {
    @TempDir
    Path dir;

    private static byte[] lines(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void batchesComeBackOldestFirstAndSurviveARestart() throws Exception {
        Spool spool = new Spool(dir, 1 << 20);
        spool.add(lines("{\"a\":1}"));
        spool.add(lines("{\"b\":2}"));
        Spool reopened = new Spool(dir, 1 << 20);
        reopened.add(lines("{\"c\":3}"));
        Path first = reopened.oldest();
        assertThat(Files.readString(first)).isEqualTo("{\"a\":1}\n");
        reopened.remove(first);
        assertThat(Files.readString(reopened.oldest())).isEqualTo("{\"b\":2}\n");
        assertThat(reopened.size()).isEqualTo(2);
    }

    @Test
    void pastItsLimitTheOldestBatchesAreDroppedAndCounted() throws Exception {
        Spool spool = new Spool(dir, 30);
        assertThat(spool.add(lines("{\"n\":1}", "{\"n\":2}"))).isZero(); // 16 bytes
        assertThat(spool.add(lines("{\"n\":3}"))).isZero();             // 24 bytes in all
        assertThat(spool.add(lines("{\"n\":4}"))).isEqualTo(2);         // 32 > 30: the first batch (2 events) goes
        assertThat(Files.readString(spool.oldest())).isEqualTo("{\"n\":3}\n");
    }

    @Test
    void anEmptySpoolHasNoBatch() throws Exception {
        assertThat(new Spool(dir, 100).oldest()).isNull();
    }
}
