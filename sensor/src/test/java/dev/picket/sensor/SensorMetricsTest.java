package dev.picket.sensor;

import dev.picket.sensor.out.ServerSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SensorMetricsTest {
    @TempDir
    Path spool;

    @Test
    void theLogLineNamesEveryCounterAndTheProcessCost() {
        SensorMetrics m = new SensorMetrics();
        m.records.set(7);
        m.events.set(2);
        m.kernelLost.set(1);
        assertThat(m.line()).startsWith("sensor: records=7 events=2 sshd_events=0 socket_overruns=0 kernel_lost=1 incomplete=0 cpu_seconds=")
                .contains(" rss_mib=").doesNotContain("sent=");
    }

    @Test
    void withAServerTheDeliveryCountersJoin() throws Exception {
        SensorMetrics m = new SensorMetrics();
        try (ServerSink sink = new ServerSink(URI.create("http://127.0.0.1:1"), null, spool, 1 << 20, 10_000)) {
            m.attach(sink);
            assertThat(m.line()).contains(" sent=0 spool_dropped=0 rejected_batches=0 ");
        }
    }
}
