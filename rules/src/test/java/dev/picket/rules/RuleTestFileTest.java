package dev.picket.rules;

import dev.picket.engine.rule.RuleError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RuleTestFileTest {

    @Test
    void readsCasesWithTheLineEachStartsOn() throws Exception {
        List<RuleTests.Case> cases = RuleTestFile.parse("x.test.yml", """
                # tests
                cases:
                  - name: fires on a privileged pod
                    fires: true
                    events:
                      - {verb: create, objectRef: {resource: pods}}
                  - name: quiet on sshd noise
                    fires: false
                    events:
                      - "Dec  7 10:00:00 host sshd[1]: Connection closed by 10.0.0.1 port 22"
                """);
        assertThat(cases).extracting(RuleTests.Case::where).containsExactly("x.test.yml:3", "x.test.yml:7");
        assertThat(cases.get(0).fires()).isTrue();
        assertThat(cases.get(0).events().get(0).at("/objectRef/resource").asText()).isEqualTo("pods");
        assertThat(cases.get(1).events().get(0).isTextual()).isTrue();
    }

    @Test
    void reportsEveryBadCaseAtItsLine() {
        RuleTestException e = catchThrowableOfType(RuleTestException.class, () -> RuleTestFile.parse("x.test.yml", """
                cases:
                  - name: no fires
                    events: [{a: 1}]
                  - name: typo
                    fire: true
                    fires: true
                    events: [{a: 1}]
                  - name: empty
                    fires: false
                    events: []
                  - just a string
                """));
        assertThat(e.errors()).extracting(RuleError::toString).containsExactly(
                "x.test.yml:2: a case needs 'fires: true' or 'fires: false'",
                "x.test.yml:4: unknown key 'fire' (a case has name, fires, events)",
                "x.test.yml:8: a case needs a non-empty 'events' list",
                "x.test.yml:11: a case is a map with name, fires and events");
    }

    @Test
    void aFileWithoutCasesIsAnError() {
        assertThatThrownBy(() -> RuleTestFile.parse("x.test.yml", "tests: []\n"))
                .hasMessageContaining("x.test.yml:1: unknown key 'tests'")
                .hasMessageContaining("x.test.yml:1: no 'cases'");
    }

    @Test
    void brokenYamlIsReportedWithItsLine() {
        assertThatThrownBy(() -> RuleTestFile.parse("x.test.yml", "cases:\n  - name: a\n    fires: [\n"))
                .hasMessageStartingWith("x.test.yml:")
                .hasMessageContaining("not valid YAML");
    }
}
