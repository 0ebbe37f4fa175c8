package dev.picket.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.picket.cli.Samples.EXEC_RULE;
import static dev.picket.cli.Samples.write;
import static org.assertj.core.api.Assertions.assertThat;

class CoverageCommandTest {
    @TempDir
    Path dir;

    @Test
    void showsTheMatrixWithTheRulesBehindEachTechnique() throws Exception {
        Path rule = write(dir, "exec.yml", EXEC_RULE);
        Cli cli = Cli.run("coverage", "--no-builtin", "--rules", rule.toString());
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("ATT&CK 19.0 for Containers: 1 of 47 techniques covered");
        assertThat(cli.out()).contains("[x] T1609 Container Administration Command: test-exec");
        assertThat(cli.out()).contains("[ ] T1610 Deploy Container  (uncovered)");
        assertThat(cli.out()).contains("Stealth").contains("Defense");
    }

    @Test
    void showsThe18MatrixOnRequest() throws Exception {
        Path rule = write(dir, "exec.yml", EXEC_RULE);
        Cli cli = Cli.run("coverage", "--no-builtin", "--rules", rule.toString(), "--attack-version", "18");
        assertThat(cli.out()).contains("ATT&CK 18.1 for Containers").contains("Defense Evasion (TA0005)");
        assertThat(cli.out()).doesNotContain("Stealth");
    }

    @Test
    void writesANavigatorLayer() throws Exception {
        Path rule = write(dir, "exec.yml", EXEC_RULE);
        Path layer = dir.resolve("layer.json");
        Cli cli = Cli.run("coverage", "--no-builtin", "--rules", rule.toString(), "--navigator", layer.toString());
        assertThat(cli.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(layer.toFile());
        assertThat(json.path("domain").asText()).isEqualTo("enterprise-attack");
        assertThat(json.at("/techniques/0/techniqueID").asText()).isEqualTo("T1609");
        assertThat(json.at("/techniques/0/comment").asText()).isEqualTo("test-exec");
    }

    @Test
    void anUnknownAttackVersionIsBadUsage() {
        Cli cli = Cli.run("coverage", "--attack-version", "12");
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("unknown ATT&CK version '12'");
    }
}
