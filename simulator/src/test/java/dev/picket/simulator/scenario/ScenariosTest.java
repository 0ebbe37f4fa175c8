package dev.picket.simulator.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenariosTest {
    @TempDir
    Path dir;

    @Test
    void everyBuiltInScenarioLoadsWithStepsAndExpectations() {
        Scenarios scenarios = Scenarios.builtIn();
        assertThat(scenarios.names()).containsExactlyElementsOf(Scenarios.BUILT_IN);
        for (String name : Scenarios.BUILT_IN) {
            Scenario s = scenarios.get(name);
            assertThat(s.steps()).as(name).isNotEmpty();
            assertThat(s.expect()).as(name).extracting(Expectation::id).contains("proc-webshell-activity");
        }
    }

    @Test
    void allRunsTheIncludedScenariosStepsInOrderAndUnitesTheirExpectations() {
        Scenarios scenarios = Scenarios.builtIn();
        Scenario all = scenarios.get("all");
        assertThat(all.steps()).startsWith(scenarios.get("recon").steps().toArray(Step[]::new));
        assertThat(all.steps()).endsWith(scenarios.get("ti-domain").steps().toArray(Step[]::new));
        assertThat(all.expect()).extracting(Expectation::id).doesNotHaveDuplicates()
                .contains("audit-sa-anomalous-operation", "net-imds-access", "file-sensitive-credential-files",
                        "proc-miner-execution", "net-ti-destination");
    }

    @Test
    void encodedDeliveryPipesTheBase64ScriptToAShellAndDirectSendsTheCommandAsIs() {
        Scenarios scenarios = Scenarios.builtIn();
        String command = scenarios.get("secrets").command();
        assertThat(command).matches("echo [A-Za-z0-9+/=]+ \\| base64 -d \\| sh");
        String script = new String(Base64.getDecoder().decode(command.split(" ")[1]), StandardCharsets.UTF_8);
        assertThat(script).contains("find / -name .git-credentials", "set | grep -E");
        assertThat(scenarios.get("webshell").command()).isEqualTo("whoami");
    }

    @Test
    void aUserScenarioIsAddedFromADirectory() throws Exception {
        Files.writeString(dir.resolve("hostname.yml"), """
                name: hostname
                steps:
                  - name: print the host name
                    run: hostname
                expect:
                  - id: proc-webshell-activity
                    alert: Web-shell style command execution
                """);
        Scenario s = Scenarios.builtIn().withDirectory(dir).get("hostname");
        assertThat(s.delivery()).isEqualTo(Delivery.ENCODED);
        assertThat(s.steps()).extracting(Step::run).containsExactly("hostname");
    }

    @Test
    void aBadFileIsReportedWithItsLine() throws Exception {
        Files.writeString(dir.resolve("bad.yml"), """
                name: bad
                steps:
                  - name: no command
                expect: []
                """);
        assertThatThrownBy(() -> Scenarios.builtIn().withDirectory(dir))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith(dir.resolve("bad.yml") + ":")
                .hasMessageContaining("steps[0]: ").hasMessageContaining("'run'");
    }

    @Test
    void unknownFieldsAndMissingExpectationsAreRefused() throws Exception {
        Files.writeString(dir.resolve("typo.yml"), "name: typo\nstep: []\n");
        assertThatThrownBy(() -> Scenarios.builtIn().withDirectory(dir)).hasMessageContaining("typo.yml:").hasMessageContaining("\"step\"");
        Files.delete(dir.resolve("typo.yml"));
        Files.writeString(dir.resolve("quiet.yml"), "name: quiet\nsteps:\n  - name: a\n    run: true\n");
        assertThatThrownBy(() -> Scenarios.builtIn().withDirectory(dir).get("quiet")).hasMessageContaining("expects no alert");
    }

    @Test
    void anUnknownScenarioNamesTheKnownOnes() {
        assertThatThrownBy(() -> Scenarios.builtIn().get("nope")).hasMessageContaining("recon, lateral-movement");
    }
}
