package dev.picket.engine.attack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttackMatrixTest {

    @Test
    void theDefaultIsAttack19WithStealthAndDefenseImpairment() {
        AttackMatrix m = AttackMatrix.bundled(AttackVersion.DEFAULT);
        assertThat(m.version()).isEqualTo("19.0");
        assertThat(m.tactics()).extracting(Tactic::shortname).containsExactly(
                "initial-access", "execution", "persistence", "privilege-escalation", "stealth",
                "defense-impairment", "credential-access", "discovery", "lateral-movement", "impact");
        assertThat(m.techniques()).hasSize(47);
        assertThat(m.technique("T1610").orElseThrow().tactics()).containsExactly("execution");
        assertThat(m.technique("T1562")).isEmpty();
        assertThat(m.current("T1562.001")).isEqualTo("T1685");
        assertThat(m.current("T1610")).isEqualTo("T1610");
    }

    @Test
    void theBaselineIs18WithDefenseEvasion() {
        AttackMatrix m = AttackMatrix.bundled(AttackVersion.V18);
        assertThat(m.version()).isEqualTo("18.1");
        assertThat(m.techniques()).hasSize(48);
        assertThat(m.tactic("defense-evasion")).isPresent();
        assertThat(m.tactic("stealth")).isEmpty();
        assertThat(m.technique("T1610").orElseThrow().tactics()).containsExactly("execution", "defense-evasion");
        assertThat(m.revoked()).isEmpty();
    }

    @Test
    void subTechniquesKnowTheirParent() {
        Technique t = AttackMatrix.bundled(AttackVersion.V19).technique("T1053.007").orElseThrow();
        assertThat(t.isSubTechnique()).isTrue();
        assertThat(t.parent()).isEqualTo("T1053");
        assertThat(AttackMatrix.bundled(AttackVersion.V19).technique("T1053").orElseThrow().isSubTechnique()).isFalse();
    }

    @Test
    void techniquesOfATacticComeParentFirst() {
        assertThat(AttackMatrix.bundled(AttackVersion.V19).techniquesOf("stealth")).extracting(Technique::id)
                .containsExactly("T1036", "T1036.005", "T1036.010", "T1070", "T1078", "T1078.001", "T1078.003", "T1612");
    }

    @Test
    void parsesVersionWords() {
        assertThat(AttackVersion.parse("19")).isEqualTo(AttackVersion.V19);
        assertThat(AttackVersion.parse("v18.1")).isEqualTo(AttackVersion.V18);
        assertThatThrownBy(() -> AttackVersion.parse("17")).hasMessageContaining("unknown ATT&CK version '17'");
    }
}
