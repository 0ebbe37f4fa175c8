package dev.picket.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.picket.cli.Samples.EXEC_EVENT;
import static dev.picket.cli.Samples.EXEC_RULE;
import static dev.picket.cli.Samples.SECRET_EVENT;
import static dev.picket.cli.Samples.SECRET_RULE;
import static dev.picket.cli.Samples.write;
import static org.assertj.core.api.Assertions.assertThat;

class DetectCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static List<JsonNode> alerts(Cli cli) throws Exception {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (String line : cli.out().lines().toList()) out.add(JSON.readTree(line));
        return out;
    }

    @Test
    void writesOneAlertPerMatchAsAJsonLine() throws Exception {
        Path rules = write(dir, "rules/exec.yml", EXEC_RULE);
        Path input = write(dir, "audit.jsonl", EXEC_EVENT + "\n");
        Cli cli = Cli.run("detect", "--no-builtin", "--rules", rules.toString(), "--cluster", "prod", input.toString());
        assertThat(cli.exit()).as(cli.err()).isZero();
        List<JsonNode> alerts = alerts(cli);
        assertThat(alerts).hasSize(1);
        JsonNode a = alerts.get(0);
        assertThat(a.at("/rule/id").asText()).isEqualTo("test-exec");
        assertThat(a.path("severity").asText()).isEqualTo("high");
        assertThat(a.path("time").asText()).isEqualTo("2026-12-07T10:00:00.100Z");
        assertThat(a.at("/attack/techniques/0").asText()).isEqualTo("T1609");
        assertThat(a.at("/entity/cluster").asText()).isEqualTo("prod");
        assertThat(a.at("/entity/pod").asText()).isEqualTo("web-0");
        assertThat(a.at("/entity/container").asText()).isEqualTo("app");
        assertThat(a.at("/entity/user").asText()).isEqualTo("alice");
    }

    @Test
    void runningTwiceGivesTheSameAlertIds() throws Exception {
        Path rules = write(dir, "rules/exec.yml", EXEC_RULE);
        Path input = write(dir, "audit.jsonl", EXEC_EVENT + "\n");
        String first = alerts(Cli.run("detect", "--no-builtin", "--rules", rules.toString(), input.toString())).get(0).path("id").asText();
        String again = alerts(Cli.run("detect", "--no-builtin", "--rules", rules.toString(), input.toString())).get(0).path("id").asText();
        assertThat(again).isEqualTo(first);
    }

    @Test
    void evidenceCarriesNoSecrets() throws Exception {
        Path rules = write(dir, "rules/secret.yml", SECRET_RULE);
        Path input = write(dir, "audit.jsonl", SECRET_EVENT + "\n");
        Cli cli = Cli.run("detect", "--no-builtin", "--rules", rules.toString(), input.toString());
        assertThat(cli.out()).contains("[REDACTED]").doesNotContain("aHVudGVyMg==");
    }

    @Test
    void reportsBadLinesAndReadsTheRest() throws Exception {
        Path rules = write(dir, "rules/exec.yml", EXEC_RULE);
        Path input = write(dir, "audit.jsonl", "{not json\n" + EXEC_EVENT + "\n");
        Cli cli = Cli.run("detect", "--no-builtin", "--rules", rules.toString(), input.toString());
        assertThat(cli.exit()).isZero();
        assertThat(cli.err()).startsWith(input + ":1: ");
        assertThat(alerts(cli)).hasSize(1);
    }

    @Test
    void dashReadsStdin() throws Exception {
        Path rules = write(dir, "rules/exec.yml", EXEC_RULE);
        Cli cli = Cli.runWithStdin(EXEC_EVENT + "\n", "detect", "--no-builtin", "--rules", rules.toString(), "-");
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(alerts(cli)).hasSize(1);
    }

    @Test
    void searchesRuleFoldersAndSkipsRuleTests() throws Exception {
        write(dir, "rules/a/exec.yml", EXEC_RULE);
        write(dir, "rules/a/exec.test.yml", "cases: []\n");
        write(dir, "rules/b/secret.yaml", SECRET_RULE);
        Path input = write(dir, "audit.jsonl", EXEC_EVENT + "\n" + SECRET_EVENT + "\n");
        Cli cli = Cli.run("detect", "--no-builtin", "--rules", dir.resolve("rules").toString(), input.toString());
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(alerts(cli)).extracting(a -> a.at("/rule/id").asText()).containsExactly("test-exec", "test-secret-write");
    }

    @Test
    void aRuleThatDoesNotLoadStopsWithEveryErrorAndExit2() throws Exception {
        Path bad = write(dir, "rules/bad.yml", EXEC_RULE.replace("condition: selection", "condition: selection and missing"));
        Path input = write(dir, "audit.jsonl", EXEC_EVENT + "\n");
        Cli cli = Cli.run("detect", "--no-builtin", "--rules", bad.toString(), input.toString());
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains(bad + ":");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void aMissingRulePathIsBadUsage() throws Exception {
        Path input = write(dir, "audit.jsonl", EXEC_EVENT + "\n");
        Cli cli = Cli.run("detect", "--rules", dir.resolve("nowhere.yml").toString(), input.toString());
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("nowhere.yml: no such file or folder");
    }

    @Test
    void aMissingInputIsBadUsage() {
        Cli cli = Cli.run("detect", "--no-builtin", dir.resolve("nope.jsonl").toString());
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("nope.jsonl: no such file");
    }

    @Test
    void anUnknownInputFormatIsBadUsage() throws Exception {
        Path input = write(dir, "audit.jsonl", EXEC_EVENT + "\n");
        Cli cli = Cli.run("detect", "--input-format", "xml", input.toString());
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("unknown input format 'xml'");
    }

    @Test
    void aForcedFormatReadsEveryInputThatWay() throws Exception {
        Path rules = write(dir, "rules/exec.yml", EXEC_RULE);
        Path input = write(dir, "events.jsonl", EXEC_EVENT + "\n");
        Cli asRuntime = Cli.run("detect", "--no-builtin", "--rules", rules.toString(), "--input-format", "runtime", input.toString());
        assertThat(asRuntime.out()).as("an audit event read as a runtime event is not audit").isEmpty();
        Cli asAudit = Cli.run("detect", "--no-builtin", "--rules", rules.toString(), "--input-format", "audit", input.toString());
        assertThat(asAudit.out().lines()).hasSize(1);
    }

    @Test
    void needsAtLeastOneFile() {
        Cli cli = Cli.run("detect");
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("FILE");
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] cmd : List.of(new String[]{"--help"}, new String[]{"detect", "--help"}, new String[]{"rules", "--help"},
                new String[]{"rules", "lint", "--help"}, new String[]{"rules", "list", "--help"}, new String[]{"rules", "test", "--help"},
                new String[]{"coverage", "--help"}, new String[]{"attack", "--help"}, new String[]{"attack", "refresh", "--help"})) {
            Cli cli = Cli.run(cmd);
            assertThat(cli.exit()).as(String.join(" ", cmd)).isZero();
            assertThat(cli.out()).as(String.join(" ", cmd)).contains("Usage:");
        }
    }
}
