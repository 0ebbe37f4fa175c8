package dev.picket.engine.attack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StixMatrixExtractorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A miniature Enterprise bundle in the official layout. */
    private static final String BUNDLE = """
            {"type": "bundle", "objects": [
              {"type": "x-mitre-collection", "id": "x-mitre-collection--1", "x_mitre_version": "20.0"},
              {"type": "marking-definition", "id": "marking-definition--1", "definition": {"statement": "© MITRE"}},
              {"type": "x-mitre-matrix", "id": "x-mitre-matrix--1",
               "external_references": [{"source_name": "mitre-attack", "external_id": "enterprise-attack"}],
               "tactic_refs": ["x-mitre-tactic--exec", "x-mitre-tactic--stealth", "x-mitre-tactic--recon"]},
              {"type": "x-mitre-tactic", "id": "x-mitre-tactic--recon", "name": "Reconnaissance", "x_mitre_shortname": "reconnaissance",
               "external_references": [{"source_name": "mitre-attack", "external_id": "TA0043"}]},
              {"type": "x-mitre-tactic", "id": "x-mitre-tactic--stealth", "name": "Stealth", "x_mitre_shortname": "stealth",
               "external_references": [{"source_name": "mitre-attack", "external_id": "TA0005"}]},
              {"type": "x-mitre-tactic", "id": "x-mitre-tactic--exec", "name": "Execution", "x_mitre_shortname": "execution",
               "external_references": [{"source_name": "mitre-attack", "external_id": "TA0002"}]},
              {"type": "attack-pattern", "id": "attack-pattern--deploy", "name": "Deploy Container",
               "x_mitre_platforms": ["Containers"],
               "kill_chain_phases": [{"kill_chain_name": "mitre-attack", "phase_name": "stealth"},
                                     {"kill_chain_name": "mitre-attack", "phase_name": "execution"}],
               "external_references": [{"source_name": "mitre-attack", "external_id": "T1610", "url": "https://attack.mitre.org/techniques/T1610"}]},
              {"type": "attack-pattern", "id": "attack-pattern--cli", "name": "Container CLI/API",
               "x_mitre_platforms": ["Containers"],
               "kill_chain_phases": [{"kill_chain_name": "mitre-attack", "phase_name": "execution"}],
               "external_references": [{"source_name": "mitre-attack", "external_id": "T1059.013", "url": "u"}]},
              {"type": "attack-pattern", "id": "attack-pattern--linux", "name": "Linux only",
               "x_mitre_platforms": ["Linux"],
               "kill_chain_phases": [{"kill_chain_name": "mitre-attack", "phase_name": "reconnaissance"}],
               "external_references": [{"source_name": "mitre-attack", "external_id": "T1595"}]},
              {"type": "attack-pattern", "id": "attack-pattern--old", "name": "Impair Defenses", "revoked": true,
               "x_mitre_platforms": ["Containers"],
               "external_references": [{"source_name": "mitre-attack", "external_id": "T1562"}]},
              {"type": "attack-pattern", "id": "attack-pattern--dep", "name": "Deprecated", "x_mitre_deprecated": true,
               "x_mitre_platforms": ["Containers"],
               "external_references": [{"source_name": "mitre-attack", "external_id": "T1000"}]},
              {"type": "attack-pattern", "id": "attack-pattern--new", "name": "Disable or Modify Tools",
               "x_mitre_platforms": ["Linux"],
               "external_references": [{"source_name": "mitre-attack", "external_id": "T1685"}]},
              {"type": "relationship", "id": "relationship--1", "relationship_type": "revoked-by",
               "source_ref": "attack-pattern--old", "target_ref": "attack-pattern--new"}
            ]}
            """;

    @Test
    void keepsLiveContainersTechniquesWithPhasesInMatrixOrder() throws Exception {
        ObjectNode out = StixMatrixExtractor.extract(JSON.readTree(BUNDLE));
        AttackMatrix m = AttackMatrix.parse(out);
        assertThat(m.version()).isEqualTo("20.0");
        assertThat(m.techniques()).extracting(Technique::id).containsExactly("T1059.013", "T1610");
        assertThat(m.technique("T1610").orElseThrow().tactics()).containsExactly("execution", "stealth");
        assertThat(m.technique("T1610").orElseThrow().url()).isEqualTo("https://attack.mitre.org/techniques/T1610");
        assertThat(out.path("copyright").asText()).isEqualTo("© MITRE");
    }

    @Test
    void listsOnlyTacticsThatHoldAContainersTechnique() throws Exception {
        AttackMatrix m = AttackMatrix.parse(StixMatrixExtractor.extract(JSON.readTree(BUNDLE)));
        assertThat(m.tactics()).extracting(Tactic::shortname).containsExactly("execution", "stealth");
        assertThat(m.tactics().get(0).id()).isEqualTo("TA0002");
    }

    @Test
    void marksSubTechniquesWhoseParentIsOutsideTheMatrix() throws Exception {
        JsonNode out = StixMatrixExtractor.extract(JSON.readTree(BUNDLE));
        JsonNode cli = out.path("techniques").get(0);
        assertThat(cli.path("parent").asText()).isEqualTo("T1059");
        assertThat(cli.path("parent_in_matrix").asBoolean(true)).isFalse();
        assertThat(out.path("techniques").get(1).has("parent_in_matrix")).isFalse();
    }

    @Test
    void recordsRevokedContainersTechniquesAndTheirReplacement() throws Exception {
        AttackMatrix m = AttackMatrix.parse(StixMatrixExtractor.extract(JSON.readTree(BUNDLE)));
        assertThat(m.revoked()).containsExactly(java.util.Map.entry("T1562", "T1685"));
    }

    @Test
    void rejectsABundleWithoutTheEnterpriseMatrix() {
        assertThatThrownBy(() -> StixMatrixExtractor.extract(JSON.readTree("{\"objects\": []}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no x-mitre-matrix 'enterprise-attack'");
    }

    @Test
    void theBundledV19FileRoundTripsThroughTheMatrixReader() {
        AttackMatrix m = AttackMatrix.bundled(AttackVersion.V19);
        assertThat(m.technique("T1685").orElseThrow().tactics()).containsExactly("defense-impairment");
    }
}
