package dev.picket.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.picket.cli.Samples.write;
import static org.assertj.core.api.Assertions.assertThat;

class AttackCommandTest {
    private static final String BUNDLE = """
            {"type": "bundle", "objects": [
              {"type": "x-mitre-collection", "id": "x-mitre-collection--1", "x_mitre_version": "20.0"},
              {"type": "x-mitre-matrix", "id": "x-mitre-matrix--1", "tactic_refs": ["x-mitre-tactic--exec"],
               "external_references": [{"source_name": "mitre-attack", "external_id": "enterprise-attack"}]},
              {"type": "x-mitre-tactic", "id": "x-mitre-tactic--exec", "name": "Execution", "x_mitre_shortname": "execution",
               "external_references": [{"source_name": "mitre-attack", "external_id": "TA0002"}]},
              {"type": "attack-pattern", "id": "attack-pattern--1", "name": "Deploy Container", "x_mitre_platforms": ["Containers"],
               "kill_chain_phases": [{"kill_chain_name": "mitre-attack", "phase_name": "execution"}],
               "external_references": [{"source_name": "mitre-attack", "external_id": "T1610", "url": "https://attack.mitre.org/techniques/T1610"}]}
            ]}
            """;

    @TempDir
    Path dir;

    @Test
    void refreshWritesTheMatrixFile() throws Exception {
        Path stix = write(dir, "enterprise-attack-20.0.json", BUNDLE);
        Path out = dir.resolve("containers-matrix.json");
        Cli cli = Cli.run("attack", "refresh", "--stix", stix.toString(), "--output", out.toString());
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.err()).contains("ATT&CK 20.0, 1 tactics, 1 techniques");
        JsonNode matrix = new ObjectMapper().readTree(out.toFile());
        assertThat(matrix.at("/techniques/0/id").asText()).isEqualTo("T1610");
        assertThat(matrix.at("/tactics/0/shortname").asText()).isEqualTo("execution");
    }

    @Test
    void refreshRejectsSomethingElse() throws Exception {
        Path stix = write(dir, "other.json", "{\"type\": \"bundle\", \"objects\": []}");
        Cli cli = Cli.run("attack", "refresh", "--stix", stix.toString());
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains(stix + ": no x-mitre-matrix 'enterprise-attack'");
    }

    @Test
    void refreshReportsBrokenJsonWithItsLine() throws Exception {
        Path stix = write(dir, "broken.json", "{\n  \"objects\": [\n  oops\n");
        Cli cli = Cli.run("attack", "refresh", "--stix", stix.toString());
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).startsWith(stix + ":3: not JSON");
    }
}
