package dev.picket.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RuleTestsTest {
    private static final String SSH_RULE = """
            title: Failed root login
            id: 7a0c5e2d-1111-4222-8333-444455556666
            name: test-ssh-root
            level: low
            logsource:
              product: linux
              service: sshd
            detection:
              selection:
                EventType: failed_password
                User: root
              condition: selection
            """;
    private static final String ANY_FAILURE_RULE = SSH_RULE
            .replace("7a0c5e2d-1111", "7a0c5e2d-2222").replace("test-ssh-root", "test-ssh-any").replace("    User: root\n", "");
    private static final String ROOT_FAILURE = "Dec  7 10:00:01 node-1 sshd[811]: Failed password for root from 198.51.100.4 port 52211 ssh2";
    private static final String ALICE_FAILURE = "Dec  7 10:00:02 node-1 sshd[812]: Failed password for alice from 198.51.100.4 port 52212 ssh2";

    @TempDir
    Path dir;

    private List<RuleTests.Result> run(String tests) throws Exception {
        return run(SSH_RULE, tests);
    }

    private List<RuleTests.Result> run(String rootFile, String tests) throws Exception {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules);
        Files.writeString(rules.resolve("root.yml"), rootFile);
        Files.writeString(rules.resolve("any.yml"), ANY_FAILURE_RULE);
        Files.writeString(rules.resolve("root.test.yml"), tests);
        RuleSources sources;
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            sources = new RuleSources(BuiltinRules.load(empty)).addFiles(List.of(rules));
        }
        RuleTests runner = new RuleTests(sources.build());
        return runner.plan(sources).stream().map(runner::run).toList();
    }

    @Test
    void passesWhenTheRuleOfTheFileFiresAsExpected() throws Exception {
        List<RuleTests.Result> results = run("""
                cases:
                  - name: root fails
                    fires: true
                    events: ['%s']
                  - name: alice fails
                    fires: false
                    events: ['%s']
                """.formatted(ROOT_FAILURE, ALICE_FAILURE));
        assertThat(results).allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
        assertThat(results.get(0).detail()).isEqualTo("fired on event 1");
        assertThat(results.get(1).toString()).endsWith("root.test.yml:5: alice fails");
    }

    @Test
    void anotherFilesRuleFiringDoesNotCount() throws Exception {
        RuleTests.Result r = run("""
                cases:
                  - name: alice counts as root
                    fires: true
                    events: ['%s']
                """.formatted(ALICE_FAILURE)).get(0);
        assertThat(r.passed()).isFalse();
        assertThat(r.detail()).isEqualTo("expected the rule to fire, it did not (other rules that fired: test-ssh-any)");
    }

    @Test
    void saysOnWhichEventAnUnwantedMatchHappened() throws Exception {
        RuleTests.Result r = run("""
                cases:
                  - name: quiet
                    fires: false
                    events: ['%s', '%s']
                """.formatted(ALICE_FAILURE, ROOT_FAILURE)).get(0);
        assertThat(r.passed()).isFalse();
        assertThat(r.detail()).isEqualTo("the rule fired on event 2 but must not");
    }

    @Test
    void theRuleUnderTestIsTheOneNamedLikeTheFile() throws Exception {
        String helperFirst = ANY_FAILURE_RULE.replace("7a0c5e2d-2222", "7a0c5e2d-3333").replace("test-ssh-any", "helper")
                + "---\n" + SSH_RULE.replace("test-ssh-root", "root");
        RuleTests.Result r = run(helperFirst, """
                cases:
                  - name: alice is no root
                    fires: false
                    events: ['%s']
                """.formatted(ALICE_FAILURE)).get(0);
        assertThat(r.planned().rule().ruleId()).isEqualTo("root");
        assertThat(r.passed()).as("the helper fired, the rule under test did not").isTrue();
    }

    @Test
    void aTestFileBesideAFileWithoutRulesIsAnError() throws Exception {
        String filterOnly = """
                title: Quiet bastion
                id: 7a0c5e2d-4444-4222-8333-444455556666
                name: quiet-bastion
                logsource:
                  product: linux
                  service: sshd
                filter:
                  rules: [test-ssh-any]
                  selection:
                    node: bastion
                  condition: not selection
                """;
        RuleTestException e = catchThrowableOfType(RuleTestException.class, () -> run(filterOnly, "cases: []\n"));
        assertThat(e.errors()).singleElement().asString().endsWith("root.test.yml:1: no detection or correlation rule in "
                + dir.resolve("rules/root.yml") + " to test");
    }

    @Test
    void logLinesOfOtherProgramsAreNoise() throws Exception {
        RuleTests.Result r = run("""
                cases:
                  - name: cron between failures
                    fires: true
                    events:
                      - 'Dec  7 10:00:00 node-1 CRON[90]: (root) CMD (run-parts /etc/cron.hourly)'
                      - '%s'
                """.formatted(ROOT_FAILURE)).get(0);
        assertThat(r.passed()).as(r.toString()).isTrue();
    }

    @Test
    void anUndecodableEventFailsTheCase() throws Exception {
        RuleTests.Result r = run("""
                cases:
                  - name: broken audit
                    fires: false
                    events:
                      - {kind: Event, apiVersion: audit.k8s.io/v1, auditID: 1, stageTimestamp: yesterday}
                """).get(0);
        assertThat(r.passed()).isFalse();
        assertThat(r.detail()).startsWith("event 1 does not decode: ");
    }

    @Test
    void eventsOfDifferentFormatsMixInOneCase() throws Exception {
        String audit = "{kind: Event, apiVersion: audit.k8s.io/v1, auditID: x, stage: ResponseComplete, verb: get, "
                + "requestURI: /api, user: {username: bob}, stageTimestamp: '2026-12-07T10:00:00Z'}";
        RuleTests.Result r = run("""
                cases:
                  - name: audit then sshd
                    fires: true
                    events:
                      - %s
                      - '%s'
                """.formatted(audit, ROOT_FAILURE)).get(0);
        assertThat(r.passed()).as(r.toString()).isTrue();
        assertThat(r.detail()).isEqualTo("fired on event 2");
    }
}
