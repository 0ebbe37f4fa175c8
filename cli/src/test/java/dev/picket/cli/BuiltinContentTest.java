package dev.picket.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands over the built-in rules, as a user runs them first. */
class BuiltinContentTest {

    @Test
    void theBuiltinRulesLintClean() {
        Cli cli = Cli.run("rules", "lint");
        assertThat(cli.exit()).as(cli.out()).isZero();
        assertThat(cli.out()).contains(" 0 error(s), 0 warning(s)");
    }

    @Test
    void theBuiltinRulesAreListedByCatalogueId() {
        Cli cli = Cli.run("rules", "list");
        assertThat(cli.exit()).isZero();
        assertThat(cli.out()).containsPattern("audit-privileged-container +medium +execution,privilege-escalation T1611");
    }

    @Test
    void theBuiltinRulesCoverTheMatrix() {
        Cli cli = Cli.run("coverage");
        assertThat(cli.exit()).isZero();
        assertThat(cli.out()).contains("[x] T1610 Deploy Container: ").contains("audit-privileged-container");
    }
}
