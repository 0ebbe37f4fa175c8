package dev.picket.engine.attack;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AttackTagsTest {

    @Test
    void readsTechniquesAndSubTechniquesInUpperCase() {
        AttackTags tags = AttackTags.of(List.of("attack.t1610", "attack.T1059.013"));
        assertThat(tags.techniques()).containsExactly("T1610", "T1059.013");
        assertThat(tags.tactics()).isEmpty();
    }

    @Test
    void readsTacticsWithUnderscoresAsDashes() {
        AttackTags tags = AttackTags.of(List.of("attack.defense_evasion", "attack.privilege-escalation", "attack.Stealth"));
        assertThat(tags.tactics()).containsExactly("defense-evasion", "privilege-escalation", "stealth");
    }

    @Test
    void skipsGroupsSoftwareAndOtherNamespaces() {
        AttackTags tags = AttackTags.of(List.of("attack.g0139", "attack.s0601", "cve.2021-44228", "detection.threat-hunting"));
        assertThat(tags.tactics()).isEmpty();
        assertThat(tags.techniques()).isEmpty();
    }

    @Test
    void aTechniqueLikeTagWithTheWrongShapeIsNotATechnique() {
        AttackTags tags = AttackTags.of(List.of("attack.t16100", "attack.t1610.1"));
        assertThat(tags.techniques()).isEmpty();
        assertThat(tags.tactics()).containsExactly("t16100", "t1610.1");
    }

    @Test
    void keepsEachValueOnce() {
        AttackTags tags = AttackTags.of(List.of("attack.execution", "attack.execution", "attack.t1610", "attack.T1610"));
        assertThat(tags.tactics()).containsExactly("execution");
        assertThat(tags.techniques()).containsExactly("T1610");
    }
}
