package dev.picket.engine.attack;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageTest {
    private final Map<String, List<String>> rules = Map.of(
            "cron", List.of("attack.execution", "attack.t1053.007"),
            "deploy", List.of("attack.t1610"),
            "deploy-too", List.of("attack.T1610", "attack.t1505.003"),
            "impair", List.of("attack.defense_evasion", "attack.t1562.001"));

    @Test
    void countsTheRulesBehindATechnique() {
        Coverage c = new Coverage(AttackMatrix.bundled(AttackVersion.V19), rules);
        assertThat(c.rules("T1610")).containsExactly("deploy", "deploy-too");
        assertThat(c.covered("T1611")).isFalse();
    }

    @Test
    void aParentIsCoveredByItsSubTechniques() {
        Coverage c = new Coverage(AttackMatrix.bundled(AttackVersion.V19), rules);
        assertThat(c.rules("T1053")).containsExactly("cron");
        assertThat(c.rules("T1053.007")).containsExactly("cron");
        assertThat(c.covered("T1078")).isFalse();
    }

    @Test
    void revokedTechniquesCountForTheirSuccessor() {
        Coverage c = new Coverage(AttackMatrix.bundled(AttackVersion.V19), rules);
        assertThat(c.rules("T1685")).containsExactly("impair");
    }

    @Test
    void inThe18MatrixTheOldIdStands() {
        Coverage c = new Coverage(AttackMatrix.bundled(AttackVersion.V18), rules);
        assertThat(c.rules("T1562.001")).containsExactly("impair");
        assertThat(c.rules("T1562")).containsExactly("impair");
    }

    @Test
    void keepsEnterpriseOnlyTechniquesApart() {
        Coverage c = new Coverage(AttackMatrix.bundled(AttackVersion.V19), rules);
        assertThat(c.outsideMatrix()).containsOnlyKeys("T1505.003");
        assertThat(c.coveredCount()).as("T1053, T1053.007, T1610, T1685").isEqualTo(4);
    }
}
