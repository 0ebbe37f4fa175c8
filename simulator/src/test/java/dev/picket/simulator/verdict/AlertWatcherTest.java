package dev.picket.simulator.verdict;

import dev.picket.simulator.ingest.PicketIngest;
import dev.picket.simulator.ingest.ReplayTarget;
import dev.picket.simulator.Simulation;
import dev.picket.simulator.scenario.Scenarios;
import dev.picket.simulator.EmbeddedPicket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdict comes from a real Picket server's alerts, raised by its engine from the events it was sent. */
class AlertWatcherTest {
    @TempDir
    Path tmp;

    @Test
    void theRecordedReconTelemetryFiresItsAlertsThroughTheServersEngine() throws Exception {
        try (EmbeddedPicket picket = new EmbeddedPicket(tmp)) {
            PicketApi api = picket.api();
            ScenarioResult recon = new Simulation(new ReplayTarget(new PicketIngest(api), Clock.systemUTC()),
                    new AlertWatcher(api, Clock.systemUTC(), Duration.ofMillis(100)), Clock.systemUTC(), line -> { })
                    .run(List.of(Scenarios.builtIn().get("recon")), Duration.ofSeconds(3)).getFirst();
            assertThat(recon.outcomes()).filteredOn(Outcome::fired).extracting(o -> o.expected().id())
                    .contains("audit-sa-anomalous-operation", "proc-webshell-activity", "proc-network-scanner", "net-k8s-api-from-workload");
            assertThat(recon.note()).contains("replayed telemetry");
        }
    }

    @Test
    void nothingFiresWhenNothingWasSent() throws Exception {
        try (EmbeddedPicket picket = new EmbeddedPicket(tmp)) {
            PicketApi api = picket.api();
            ScenarioResult result = new AlertWatcher(api, Clock.systemUTC(), Duration.ofMillis(100))
                    .await(Scenarios.builtIn().get("webshell"), Clock.systemUTC().instant(), Duration.ofMillis(300), o -> { });
            assertThat(result.outcomes()).noneMatch(Outcome::fired);
        }
    }
}
