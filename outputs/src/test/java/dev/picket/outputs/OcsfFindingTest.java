package dev.picket.outputs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.engine.rule.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Detection Finding class (OCSF 1.x, uid 2004) requires, from the base event: activity_id,
 * category_uid, class_uid, type_uid, severity_id, time, metadata (requiring product and version);
 * and from the finding: finding_info (requiring uid and title).
 */
class OcsfFindingTest {
    private static final List<String> REQUIRED = List.of("activity_id", "category_uid", "class_uid", "type_uid",
            "severity_id", "time", "metadata", "finding_info");

    private final JsonNode finding = read(OcsfFinding.line(TestAlerts.alert("5f0c2b4e")));

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyRequiredAttributeIsPresentWithItsType() {
        for (String field : REQUIRED) assertThat(finding.has(field)).as(field).isTrue();
        assertThat(finding.path("class_uid").isInt()).isTrue();
        assertThat(finding.path("class_uid").asInt()).isEqualTo(2004);
        assertThat(finding.path("category_uid").asInt()).isEqualTo(2);
        assertThat(finding.path("activity_id").asInt()).isEqualTo(1);
        assertThat(finding.path("type_uid").asLong()).isEqualTo(200401);
        assertThat(finding.path("time").isIntegralNumber()).isTrue();
        assertThat(finding.path("time").asLong()).isEqualTo(1773134348120L);
        assertThat(finding.path("metadata").path("version").asText()).matches("1\\.\\d+\\.\\d+");
        assertThat(finding.path("metadata").path("product").path("name").asText()).isEqualTo("Picket");
        assertThat(finding.path("finding_info").path("uid").asText()).isEqualTo("5f0c2b4e");
        assertThat(finding.path("finding_info").path("title").asText()).isEqualTo("Privileged container created");
    }

    @Test
    void severityIdsFollowTheSchemasScale() {
        assertThat(finding.path("severity_id").asInt()).isEqualTo(4);
        assertThat(finding.path("severity").asText()).isEqualTo("High");
        assertThat(OcsfFinding.severityId(Severity.INFORMATIONAL)).isEqualTo(1);
        assertThat(OcsfFinding.severityId(Severity.CRITICAL)).isEqualTo(5);
    }

    @Test
    void attackTechniquesAndTheWorkloadAreCarried() {
        assertThat(finding.path("finding_info").path("attacks")).hasSize(2);
        assertThat(finding.path("finding_info").path("attacks").get(0).path("technique").path("uid").asText()).isEqualTo("T1610");
        assertThat(finding.path("finding_info").path("analytic").path("uid").asText()).isEqualTo("audit-privileged-container");
        assertThat(finding.path("resources").get(0).path("type").asText()).isEqualTo("Deployment");
        assertThat(finding.path("resources").get(0).path("name").asText()).isEqualTo("web");
        assertThat(finding.path("actor").path("user").path("name").asText()).isEqualTo("alice@example.com");
        assertThat(finding.path("unmapped").path("id").asText()).isEqualTo("5f0c2b4e");
    }
}
