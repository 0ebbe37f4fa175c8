package dev.picket.engine.attack;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AttackCatalogueTest {
    private final AttackCatalogue catalogue = AttackCatalogue.bundled();

    @Test
    void labelsKeepTacticsInMatrixOrder() {
        AttackLabels labels = catalogue.labels(List.of("attack.t1611", "attack.privilege_escalation", "attack.execution"));
        assertThat(labels.tactics()).containsExactly("execution", "privilege-escalation");
        assertThat(labels.techniques()).containsExactly("T1611");
    }

    @Test
    void defenseEvasionBecomesStealthForATechniqueNowUnderStealth() {
        AttackLabels labels = catalogue.labels(List.of("attack.defense-evasion", "attack.t1036.005"));
        assertThat(labels.tactics()).containsExactly("stealth");
    }

    @Test
    void defenseEvasionIsDroppedWhenTheTechniqueLeftIt() {
        AttackLabels labels = catalogue.labels(List.of("attack.execution", "attack.defense_evasion", "attack.t1610"));
        assertThat(labels.tactics()).containsExactly("execution");
    }

    @Test
    void revokedImpairDefensesReadsAsDisableOrModifyTools() {
        AttackLabels labels = catalogue.labels(List.of("attack.defense-evasion", "attack.t1562.001"));
        assertThat(labels.techniques()).containsExactly("T1685");
        assertThat(labels.tactics()).containsExactly("defense-impairment");
    }

    @Test
    void defenseEvasionWithoutTechniquesReadsAsStealth() {
        assertThat(catalogue.labels(List.of("attack.defense-evasion")).tactics()).containsExactly("stealth");
    }

    @Test
    void enterpriseOnlyTechniquesKeepTheirOtherTactics() {
        AttackLabels labels = catalogue.labels(List.of("attack.t1505.003"));
        assertThat(labels.tactics()).containsExactly("persistence");
        assertThat(labels.techniques()).containsExactly("T1505.003");
    }

    @Test
    void v19TagsPassThrough() {
        AttackLabels labels = catalogue.labels(List.of("attack.stealth", "attack.defense-impairment", "attack.t1685"));
        assertThat(labels.tactics()).containsExactly("stealth", "defense-impairment");
    }

    @Test
    void knowsContainersAndEnterpriseNames() {
        assertThat(catalogue.techniqueName("T1610")).isEqualTo("Deploy Container");
        assertThat(catalogue.techniqueName("T1552.005")).isEqualTo("Cloud Instance Metadata API");
        assertThat(catalogue.techniqueName("T9999")).isNull();
    }

    @Test
    void validTagsHaveNoProblems() {
        assertThat(catalogue.problems(List.of("attack.execution", "attack.t1610", "attack.stealth",
                "attack.defense_impairment", "attack.t1685", "attack.collection", "attack.t1505.003",
                "attack.g0139", "cve.2021-44228"))).isEmpty();
    }

    @Test
    void unknownTechniquesAndTacticsAreProblems() {
        List<TagProblem> problems = catalogue.problems(List.of("attack.t9999", "attack.execusion", "attack.t1610.999"));
        assertThat(problems).extracting(TagProblem::kind).containsOnly(TagProblem.Kind.UNKNOWN);
        assertThat(problems).extracting(TagProblem::message).containsExactly(
                "unknown ATT&CK technique T9999", "unknown ATT&CK tactic 'execusion'", "unknown ATT&CK technique T1610.999");
    }

    @Test
    void attack18NamesAreOutdatedNotUnknown() {
        List<TagProblem> problems = catalogue.problems(List.of("attack.defense_evasion", "attack.t1562.001"));
        assertThat(problems).extracting(TagProblem::kind).containsOnly(TagProblem.Kind.OUTDATED);
        assertThat(problems.get(1).message()).contains("read as T1685");
    }
}
