package dev.picket.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.picket.cli.Samples.EXEC_EVENT;
import static dev.picket.cli.Samples.EXEC_RULE;
import static dev.picket.cli.Samples.SECRET_RULE;
import static dev.picket.cli.Samples.write;
import static org.assertj.core.api.Assertions.assertThat;

class RulesCommandTest {
    @TempDir
    Path dir;

    @Test
    void lintPassesACleanRule() throws Exception {
        Path rule = write(dir, "exec.yml", EXEC_RULE);
        Cli cli = Cli.run("rules", "lint", rule.toString());
        assertThat(cli.exit()).as(cli.out()).isZero();
        assertThat(cli.out()).contains("1 rule(s) in 1 file(s): 0 error(s), 0 warning(s)");
    }

    @Test
    void lintReportsLoadErrorsWithTheirLine() throws Exception {
        Path rule = write(dir, "bad.yml", EXEC_RULE.replace("level: high", "level: severe"));
        Cli cli = Cli.run("rules", "lint", rule.toString());
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.out()).containsPattern(java.util.regex.Pattern.quote(rule.toString()) + ":\\d+: ");
    }

    @Test
    void anUnknownTechniqueIsAWarningInAUserRule() throws Exception {
        Path rule = write(dir, "exec.yml", EXEC_RULE.replace("attack.t1609", "attack.t9999"));
        Cli cli = Cli.run("rules", "lint", rule.toString());
        assertThat(cli.exit()).isZero();
        assertThat(cli.out()).contains(rule + ":9: warning: unknown ATT&CK technique T9999");
    }

    @Test
    void anUnknownTechniqueIsAnErrorInABuiltinRule() throws Exception {
        Path rule = write(dir, "rules/sigma/kubernetes/audit/exec.yml", EXEC_RULE.replace("attack.execution", "attack.executoin"));
        Cli cli = Cli.run("rules", "lint", dir.resolve("rules/sigma").toString());
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.out()).contains(rule + ":8: unknown ATT&CK tactic 'executoin'");
    }

    @Test
    void attack18NamesAreWarnings() throws Exception {
        Path rule = write(dir, "rules/sigma/x/exec.yml", EXEC_RULE.replace("attack.execution", "attack.defense_evasion"));
        Cli cli = Cli.run("rules", "lint", rule.toString());
        assertThat(cli.exit()).isZero();
        assertThat(cli.out()).contains(rule + ":8: warning: ATT&CK 19.0 split defense-evasion");
    }

    @Test
    void lintChecksTestFilesToo() throws Exception {
        Path rule = write(dir, "exec.yml", EXEC_RULE);
        Path tests = write(dir, "exec.test.yml", "cases:\n  - name: x\n    fires: yes please\n    events: [{a: 1}]\n");
        Cli cli = Cli.run("rules", "lint", rule.toString());
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.out()).contains(tests + ":2: a case needs 'fires: true' or 'fires: false'");
    }

    @Test
    void lintOfAMissingPathIsBadUsage() {
        Cli cli = Cli.run("rules", "lint", dir.resolve("none").toString());
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("none: no such file or folder");
    }

    @Test
    void listShowsIdLevelAttackAndTitle() throws Exception {
        Path rules = write(dir, "rules/exec.yml", EXEC_RULE);
        write(dir, "rules/secret.yml", SECRET_RULE);
        Cli cli = Cli.run("rules", "list", "--no-builtin", "--rules", rules.getParent().toString());
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out().lines().toList()).hasSize(3);
        assertThat(cli.out()).containsPattern("test-exec +high +execution T1609 +Exec into a pod");
        assertThat(cli.out()).containsPattern("test-secret-write +low +credential-access T1552.007 +Secret written");
    }

    @Test
    void listAsJsonLines() throws Exception {
        Path rules = write(dir, "rules/exec.yml", EXEC_RULE);
        Cli cli = Cli.run("rules", "list", "--json", "--no-builtin", "--rules", rules.toString());
        JsonNode rule = new ObjectMapper().readTree(cli.out().lines().findFirst().orElseThrow());
        assertThat(rule.path("id").asText()).isEqualTo("test-exec");
        assertThat(rule.path("sigmaId").asText()).isEqualTo("0b0d7a3e-1111-4222-8333-444455556666");
        assertThat(rule.path("level").asText()).isEqualTo("high");
        assertThat(rule.at("/techniques/0").asText()).isEqualTo("T1609");
        assertThat(rule.path("file").asText()).isEqualTo(rules.toString());
    }

    @Test
    void testRunsTheCasesBesideEachRule() throws Exception {
        write(dir, "rules/exec.yml", EXEC_RULE);
        Path tests = write(dir, "rules/exec.test.yml", """
                cases:
                  - name: exec fires
                    fires: true
                    events:
                      - %s
                  - name: a get does not
                    fires: false
                    events:
                      - %s
                """.formatted(EXEC_EVENT, EXEC_EVENT.replace("\"verb\":\"create\"", "\"verb\":\"get\"")));
        Cli cli = Cli.run("rules", "test", dir.resolve("rules").toString());
        assertThat(cli.exit()).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).contains("PASS " + tests + ":2: exec fires").contains("PASS " + tests + ":6: a get does not");
        assertThat(cli.out()).contains("2 case(s): 2 passed, 0 failed");
    }

    @Test
    void aFailingCaseIsReportedAtItsLineWithExit1() throws Exception {
        write(dir, "rules/exec.yml", EXEC_RULE);
        Path tests = write(dir, "rules/exec.test.yml", """
                cases:
                  - name: claims a get fires
                    fires: true
                    events:
                      - %s
                """.formatted(EXEC_EVENT.replace("\"verb\":\"create\"", "\"verb\":\"get\"")));
        Cli cli = Cli.run("rules", "test", dir.resolve("rules").toString());
        assertThat(cli.exit()).isEqualTo(1);
        assertThat(cli.out()).contains("FAIL " + tests + ":2: claims a get fires: expected the rule to fire, it did not");
    }

    @Test
    void anEventThatDoesNotDecodeFailsTheCase() throws Exception {
        write(dir, "rules/exec.yml", EXEC_RULE);
        write(dir, "rules/exec.test.yml", "cases:\n  - name: garbage\n    fires: false\n    events: ['not a log line at all']\n");
        Cli cli = Cli.run("rules", "test", dir.resolve("rules").toString());
        assertThat(cli.exit()).isEqualTo(1);
        assertThat(cli.out()).contains("garbage: event 1 does not decode");
    }
}
