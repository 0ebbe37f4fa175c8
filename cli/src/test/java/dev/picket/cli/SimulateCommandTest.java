package dev.picket.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.cli.simulate.LocalMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SimulateCommandTest {
    @Test
    void anUnknownScenarioIsBadUsage() {
        Cli run = Cli.run("simulate", "--scenario", "nope");
        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("no scenario 'nope'", "recon", "ti-domain");
    }

    @Test
    void clusterModeNeedsTheServerTheClusterReportsTo() {
        Cli run = Cli.run("simulate", "--kubeconfig", "kubeconfig.yaml");
        assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--kubeconfig needs --server");
    }

    @Test
    void localReconGivesAJsonVerdictAndExitsZeroOnlyWhenEveryAlertFired() throws Exception {
        assumeTrue(LocalMode.root(), "local mode needs root");
        Cli run = Cli.run("simulate", "--scenario", "recon", "--timeout", "5", "--json");
        JsonNode verdict = new ObjectMapper().readTree(run.out());
        JsonNode recon = verdict.path("scenarios").get(0);
        assertThat(recon.path("scenario").asText()).isEqualTo("recon");
        assertThat(recon.path("expected")).anySatisfy(e -> {
            assertThat(e.path("id").asText()).isEqualTo("audit-sa-anomalous-operation");
            assertThat(e.path("fired").asBoolean()).isTrue();
        });
        assertThat(run.exit()).isEqualTo(verdict.path("passed").asBoolean() ? ExitCode.OK : ExitCode.FAILED);
        assertThat(run.err()).contains("scenario recon: 3 step(s)", "fired audit-sa-anomalous-operation");
    }
}
