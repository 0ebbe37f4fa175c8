package dev.picket.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.server.TestServers.Client;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.picket.server.TestServers.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server as deployed: the Sigma engine and the alert factory over real-shaped audit webhook
 * batches and sensor lines (the repository's sample data), read back through the API.
 */
class EngineEndToEndTest {

    @TempDir
    Path data;
    PicketServer server;
    Client client;

    /** The audit sample as the API server's webhook sends it: EventList batches of {@code size} events, one line each. */
    static List<String> auditBatches(int size) throws IOException {
        List<String> lines = Files.readAllLines(TestServers.SAMPLES.resolve("audit-attack.jsonl"));
        List<String> batches = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += size) {
            batches.add("{\"kind\":\"EventList\",\"apiVersion\":\"audit.k8s.io/v1\",\"metadata\":{},\"items\":["
                    + String.join(",", lines.subList(i, Math.min(lines.size(), i + size))) + "]}");
        }
        return batches;
    }

    @BeforeEach
    void start() throws Exception {
        server = new PicketServer(TestServers.config(data), TestServers.engineRules()).start();
        client = Client.local(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode alertsOf(String rule) {
        return client.json("/v1/alerts?rule=" + rule).path("alerts");
    }

    @Test
    void auditWebhookBatchesRaiseAlertsOncePerRequest() throws Exception {
        for (String batch : auditBatches(10)) assertThat(client.post("/v1/audit", batch).statusCode()).isEqualTo(200);
        await("the role binding alert", () -> alertsOf("TEST-CRB").size() == 1);
        await("exec alerts", () -> alertsOf("TEST-EXEC").size() == 2);
        JsonNode exec = alertsOf("TEST-EXEC").get(0);
        assertThat(exec.path("evidence").get(0).path("stage").asText()).as("exec is judged when it starts")
                .isEqualTo("ResponseStarted");
        assertThat(exec.path("entity").path("pod").asText()).isNotEmpty();
        JsonNode crb = alertsOf("TEST-CRB").get(0);
        assertThat(crb.path("entity").path("cluster").asText()).isEqualTo("test-cluster");
        assertThat(crb.path("entity").path("user").asText()).isEqualTo("system:serviceaccount:shop:webapp");
        assertThat(crb.path("attack").path("tactics").toString()).isEqualTo("[\"privilege-escalation\"]");
    }

    @Test
    void sensorLinesRaiseAlertsThatFormAnIncidentAlongTheTactics() throws Exception {
        String lines = Files.readString(TestServers.SAMPLES.resolve("runtime-attack.jsonl"));
        assertThat(client.post("/v1/events", lines).statusCode()).isEqualTo(200);
        await("the miner alert", () -> alertsOf("TEST-MINER").size() == 1);
        JsonNode miner = client.getJson("/v1/alerts/" + alertsOf("TEST-MINER").get(0).path("id").asText());
        assertThat(miner.path("entity").path("workload").path("name").asText()).isEqualTo("webapp");
        assertThat(miner.path("remediation").asText()).startsWith("Delete the pod");
        JsonNode incident = client.getJson("/v1/incidents").path("incidents").get(0);
        assertThat(incident.path("severity").asText()).isEqualTo("critical");
        JsonNode detail = client.getJson("/v1/incidents/" + incident.path("id").asText());
        List<String> rules = new ArrayList<>();
        detail.path("alerts").forEach(a -> rules.add(a.path("rule").path("id").asText()));
        assertThat(rules).contains("TEST-SHELL", "TEST-MINER");
        assertThat(rules.indexOf("TEST-SHELL")).as("execution before impact").isLessThan(rules.indexOf("TEST-MINER"));
    }

    @Test
    void theMatrixShowsWhichRulesCoverATechniqueAndItsAlerts() throws Exception {
        for (String batch : auditBatches(50)) client.post("/v1/audit", batch);
        await("exec alerts", () -> alertsOf("TEST-EXEC").size() == 2);
        JsonNode matrix = client.getJson("/v1/attack");
        JsonNode t1609 = null;
        for (JsonNode tactic : matrix.path("tactics")) {
            for (JsonNode t : tactic.path("techniques")) if (t.path("id").asText().equals("T1609")) t1609 = t;
        }
        assertThat(t1609).isNotNull();
        assertThat(t1609.path("rules").toString()).isEqualTo("[\"TEST-EXEC\"]");
        assertThat(t1609.path("alerts").asLong()).isEqualTo(2);
    }
}
