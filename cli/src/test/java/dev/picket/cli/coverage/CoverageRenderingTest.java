package dev.picket.cli.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.engine.attack.AttackMatrix;
import dev.picket.engine.attack.AttackVersion;
import dev.picket.engine.attack.Coverage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageRenderingTest {
    private final Coverage coverage = new Coverage(AttackMatrix.bundled(AttackVersion.V19), Map.of(
            "audit-cronjob-created", List.of("attack.t1053.007"),
            "audit-privileged-container", List.of("attack.t1610", "attack.t1611"),
            "proc-x", List.of("attack.t1610", "attack.t1505.003")));

    @Test
    void theTableHasTacticColumnsAndMarksCoverage() {
        String text = CoverageTable.render(coverage);
        List<String> lines = text.lines().toList();
        int at = lines.indexOf(lines.stream().filter(l -> l.startsWith("Initial ")).findFirst().orElseThrow());
        String header = lines.get(at);
        assertThat(header).contains("Execution").contains("Stealth").contains("Defense").contains("Impact");
        assertThat(header.indexOf("Execution")).isLessThan(header.indexOf("Stealth"));
        assertThat(lines.get(at + 1)).contains("Access").contains("Escalation").contains("Impairment");
        assertThat(lines.get(at + 1).indexOf("Impairment")).isEqualTo(header.indexOf("Defense"));
        assertThat(text).contains("[x] T1610 (2)").contains("[ ] T1609");
        assertThat(text).contains("4 of 47 techniques covered");
        assertThat(text.lines()).noneMatch(l -> l.endsWith(" "));
    }

    @Test
    void theListingNamesTheRulesAndTheGaps() {
        String text = CoverageTable.render(coverage);
        assertThat(text).contains("  [x] T1610 Deploy Container: audit-privileged-container, proc-x\n");
        assertThat(text).contains("  [x] T1053 Scheduled Task/Job: audit-cronjob-created\n");
        assertThat(text).contains("  [ ] T1609 Container Administration Command  (uncovered)\n");
        assertThat(text).contains("Other Enterprise techniques the rules carry\n  T1505.003: proc-x\n");
    }

    @Test
    void theLayerScoresCoveredTechniquesByRuleCount() {
        JsonNode layer = NavigatorLayer.of(coverage);
        assertThat(layer.path("domain").asText()).isEqualTo("enterprise-attack");
        assertThat(layer.at("/versions/attack").asText()).isEqualTo("19");
        assertThat(layer.at("/versions/layer").asText()).isEqualTo("4.5");
        JsonNode deploy = find(layer, "T1610");
        assertThat(deploy.path("score").asInt()).isEqualTo(2);
        assertThat(deploy.path("comment").asText()).isEqualTo("audit-privileged-container, proc-x");
        assertThat(find(layer, "T1053").path("comment").asText()).as("parent via sub-technique").isEqualTo("audit-cronjob-created");
        assertThat(find(layer, "T1505.003").path("score").asInt()).isEqualTo(1);
        assertThat(find(layer, "T1609")).as("uncovered techniques are not scored").isNull();
        assertThat(layer.at("/gradient/maxValue").asInt()).isEqualTo(2);
    }

    private static JsonNode find(JsonNode layer, String id) {
        for (JsonNode t : layer.path("techniques")) {
            if (t.path("techniqueID").asText().equals(id)) return t;
        }
        return null;
    }
}
