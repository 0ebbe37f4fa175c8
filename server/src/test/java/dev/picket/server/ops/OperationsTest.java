package dev.picket.server.ops;

import dev.picket.engine.rule.Severity;
import dev.picket.server.config.ConfigException;
import dev.picket.server.reload.RuleOverride;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperationsTest {
    @TempDir
    Path dir;

    private Operations load(String yaml) throws Exception {
        return Operations.load(Files.writeString(dir.resolve("picket.yaml"), yaml), dir.resolve("data"));
    }

    @Test
    void theSectionIsReadWithPathsRelativeToTheFile() throws Exception {
        Operations ops = load("""
                port: 8443
                operations:
                  suppressions: team/suppressions
                  watch: false
                  silentAfter: 90s
                  overrides:
                    K8S-EXEC: {severity: low, tags: [team.payments]}
                    K8S-PF: {disabled: true}
                """);
        assertThat(ops.suppressions()).isEqualTo(dir.resolve("team/suppressions"));
        assertThat(ops.watch()).isFalse();
        assertThat(ops.silentAfter()).isEqualTo(Duration.ofSeconds(90));
        assertThat(ops.overrides()).containsEntry("K8S-EXEC", new RuleOverride(false, Severity.LOW, List.of("team.payments")))
                .containsEntry("K8S-PF", new RuleOverride(true, null, List.of()));
    }

    @Test
    void withoutTheSectionTheDefaultsApply() throws Exception {
        assertThat(load("port: 8443\n")).isEqualTo(Operations.defaults(dir.resolve("data")));
        assertThat(load("operations: {silentAfter: off}\n").silentAfter()).isNull();
    }

    @Test
    void mistakesAreReportedWithTheFileAndLine() {
        assertThatThrownBy(() -> load("operations:\n  silentafter: 5m\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("picket.yaml:2: operations: ").hasMessageContaining("silentafter");
        assertThatThrownBy(() -> load("operations:\n  overrides:\n    X: {severity: urgent}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("operations.overrides.X.severity");
    }
}
