package dev.picket.engine.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.engine.Match;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.picket.engine.alert.AlertFactoryTest.audit;
import static dev.picket.engine.alert.AlertFactoryTest.match;
import static dev.picket.engine.alert.AlertFactoryTest.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Alert alert;

    AlertJsonTest() throws Exception {
        alert = new AlertFactory(null).create(match(rule("audit-exec-into-container", "attack.execution", "attack.t1609"), audit("""
                {'auditID': 'q', 'verb': 'create', 'user': {'username': 'bob'},
                 'objectRef': {'resource': 'pods', 'subresource': 'exec', 'namespace': 'shop', 'name': 'web-0'}}""")));
    }

    @Test
    void isOneLineWithNestedFields() throws Exception {
        String line = AlertJson.line(alert);
        assertThat(line).doesNotContain("\n");
        JsonNode o = JSON.readTree(line);
        assertThat(o.path("id").asText()).isEqualTo(alert.id());
        assertThat(o.path("time").asText()).isEqualTo("2026-12-07T10:15:30.123Z");
        assertThat(o.at("/rule/id").asText()).isEqualTo("audit-exec-into-container");
        assertThat(o.at("/rule/title").asText()).isEqualTo("Privileged container created");
        assertThat(o.path("severity").asText()).isEqualTo("high");
        assertThat(o.at("/attack/tactics/0").asText()).isEqualTo("execution");
        assertThat(o.at("/attack/techniques/0").asText()).isEqualTo("T1609");
        assertThat(o.at("/entity/pod").asText()).isEqualTo("web-0");
        assertThat(o.at("/evidence/0/auditID").asText()).isEqualTo("q");
    }

    @Test
    void leavesOutWhatIsUnknown() throws Exception {
        JsonNode entity = JSON.readTree(AlertJson.line(alert)).path("entity");
        assertThat(entity.has("cluster")).isFalse();
        assertThat(entity.has("workload")).isFalse();
        assertThat(entity.has("image")).isFalse();
        assertThat(entity.path("user").asText()).isEqualTo("bob");
    }

    @Test
    void readsBackWhatItWrote() throws Exception {
        assertThat(AlertJson.read(JSON.readTree(AlertJson.line(alert)))).isEqualTo(alert);
    }

    @Test
    void writesTheGroupOfACorrelationOnly() throws Exception {
        assertThat(JSON.readTree(AlertJson.line(alert)).has("groupBy")).isFalse();
        Alert correlated = new AlertFactory(null).create(new Match(rule("c"), alert.time(),
                List.of(audit("{'auditID': 'q'}")), Map.of("user.username", "bob")));
        JsonNode o = JSON.readTree(AlertJson.line(correlated));
        assertThat(o.at("/groupBy/user.username").asText()).isEqualTo("bob");
        assertThat(AlertJson.read(o)).isEqualTo(correlated);
    }

    @Test
    void rejectsAnAlertWithoutTime() {
        assertThatThrownBy(() -> AlertJson.read(JSON.readTree("{\"id\": \"x\", \"rule\": {\"id\": \"r\"}, \"severity\": \"low\"}")))
                .hasMessage("alert has no 'time'");
        assertThatThrownBy(() -> AlertJson.read(JSON.readTree("{\"id\": \"x\", \"time\": \"2026-01-01T00:00:00Z\", \"severity\": \"low\"}")))
                .hasMessage("alert has no 'rule.id'");
    }
}
