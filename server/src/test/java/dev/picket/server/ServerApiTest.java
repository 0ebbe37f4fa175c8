package dev.picket.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.server.TestServers.Client;
import dev.picket.server.ingest.CountingDetector;
import dev.picket.server.ingest.TestDecoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.picket.server.TestServers.MATRIX;
import static dev.picket.server.TestServers.RULES;
import static dev.picket.server.TestServers.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The real server on a free port, fed over HTTP, read back through the API. */
class ServerApiTest {
    @TempDir
    Path data;
    PicketServer server;
    Client client;

    @BeforeEach
    void start() throws Exception {
        server = new PicketServer(TestServers.config(data, 4096, 1 << 20), new TestDecoder(), new CountingDetector(),
                MATRIX, RULES).start();
        client = Client.local(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String line(int i, String extra) {
        return "{\"time\":\"2026-11-02T10:00:%02dZ\",\"id\":\"e%d\"%s}\n".formatted(i, i, extra);
    }

    private JsonNode alerts(String query) throws Exception {
        return client.getJson("/v1/alerts" + query).path("alerts");
    }

    @Test
    void anAcceptedBatchBecomesAlertsReadableThroughTheApi() throws Exception {
        HttpResponse<String> r = client.post("/v1/events",
                line(1, ",\"single\":1") + line(2, ",\"key\":\"k\"") + line(3, ",\"key\":\"k\"") + line(4, ",\"key\":\"k\""));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"accepted\":4}");
        await("two alerts", () -> count("") == 2);
        JsonNode list = alerts("");
        assertThat(list.get(0).path("id").asText()).isEqualTo("count-e2+e3+e4");
        assertThat(list.get(1).path("id").asText()).isEqualTo("single-e1");
        JsonNode one = client.getJson("/v1/alerts/single-e1");
        assertThat(one.path("evidence").get(0).path("id").asText()).isEqualTo("e1");
        assertThat(client.get("/v1/alerts/nope").statusCode()).isEqualTo(404);
    }

    private int count(String query) {
        try {
            return alerts(query).size();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void filtersAndPagesAlerts() throws Exception {
        StringBuilder batch = new StringBuilder();
        for (int i = 1; i <= 5; i++) batch.append(line(i, ",\"single\":1"));
        client.post("/v1/events", batch.toString());
        await("five alerts", () -> count("") == 5);
        JsonNode page = client.getJson("/v1/alerts?limit=2");
        assertThat(page.path("alerts")).hasSize(2);
        JsonNode next = client.getJson("/v1/alerts?limit=2&cursor=" + page.path("next").asText());
        assertThat(next.path("alerts").get(0).path("id").asText()).isEqualTo("single-e3");
        assertThat(count("?severity=high&technique=T1609&namespace=shop&rule=TEST-SINGLE")).isEqualTo(5);
        assertThat(count("?severity=critical")).isZero();
        assertThat(count("?from=2026-11-02T10:00:02Z&to=2026-11-02T10:00:04Z")).isEqualTo(2);
        assertThat(count("?rule=OTHER")).isZero();
    }

    @Test
    void badQueryParametersAreRefusedWithTheReason() throws Exception {
        HttpResponse<String> r = client.get("/v1/alerts?severity=urgent");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("severity: unknown level 'urgent'");
        assertThat(client.get("/v1/alerts?from=yesterday").body()).contains("from: 'yesterday' is not an RFC 3339 time");
        assertThat(client.get("/v1/alerts?limit=0").statusCode()).isEqualTo(400);
        assertThat(client.get("/v1/alerts?cursor=garbage").statusCode()).isEqualTo(400);
    }

    @Test
    void incidentsGroupTheAlertsOfOneWorkload() throws Exception {
        client.post("/v1/events", line(1, ",\"single\":1") + line(2, ",\"single\":1"));
        await("two alerts", () -> count("") == 2);
        JsonNode incidents = client.getJson("/v1/incidents").path("incidents");
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).path("alertCount").asInt()).isEqualTo(2);
        assertThat(incidents.get(0).path("severity").asText()).isEqualTo("high");
        JsonNode detail = client.getJson("/v1/incidents/" + incidents.get(0).path("id").asText());
        assertThat(detail.path("alerts")).hasSize(2);
        assertThat(detail.path("title").asText()).isEqualTo("Test rule TEST-SINGLE on pod/web-1 in shop");
    }

    @Test
    void theMatrixCarriesAlertCountsPerTechnique() throws Exception {
        client.post("/v1/events", line(1, ",\"single\":1"));
        await("one alert", () -> count("") == 1);
        JsonNode technique = technique(client.getJson("/v1/attack"), "execution", "T1609");
        assertThat(technique.path("name").asText()).isEqualTo("Container Administration Command");
        assertThat(technique.path("rules").toString()).isEqualTo("[\"TEST-SINGLE\"]");
        assertThat(technique.path("alerts").asLong()).isEqualTo(1);
        assertThat(technique(client.getJson("/v1/attack"), "execution", "T1610").path("alerts").asLong()).isZero();
        JsonNode later = technique(client.getJson("/v1/attack?from=2026-11-03T00:00:00Z"), "execution", "T1609");
        assertThat(later.path("alerts").asLong()).isZero();
    }

    private static JsonNode technique(JsonNode matrix, String tactic, String id) {
        for (JsonNode t : matrix.path("tactics")) {
            if (!t.path("shortname").asText().equals(tactic)) continue;
            for (JsonNode technique : t.path("techniques")) {
                if (technique.path("id").asText().equals(id)) return technique;
            }
        }
        throw new AssertionError("no " + id + " under " + tactic);
    }

    @Test
    void withoutTheTokenEverythingButHealthAndTheUiShellIs401() throws Exception {
        Client anonymous = client.withToken(null);
        Client wrong = client.withToken(TestServers.TOKEN + "x");
        for (String path : List.of("/v1/alerts", "/v1/incidents", "/v1/attack", "/metrics", "/v1/alerts/x")) {
            assertThat(anonymous.get(path).statusCode()).as(path).isEqualTo(401);
            assertThat(wrong.get(path).statusCode()).as(path).isEqualTo(401);
        }
        HttpResponse<String> post = anonymous.post("/v1/audit", "{}");
        assertThat(post.statusCode()).isEqualTo(401);
        assertThat(post.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"picket\"");
        assertThat(anonymous.get("/healthz").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void aMalformedBatchIsRefusedWithEachBadLineAndNothingOfItIsKept() throws Exception {
        HttpResponse<String> r = client.post("/v1/events", line(1, ",\"single\":1") + "{\"id\":\"x\"}\nnot json\n");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = TestServers.JSON.readTree(r.body());
        assertThat(body.path("errors").toString()).isEqualTo("[\"2: missing time\",\"3: not JSON\"]");
        assertThat(client.post("/v1/events", line(2, ",\"single\":1")).statusCode()).as("still serving").isEqualTo(200);
        await("the good batch's alert", () -> count("") == 1);
        assertThat(alerts("").get(0).path("id").asText()).isEqualTo("single-e2");
        assertThat(client.get("/metrics").body()).contains("picket_decode_errors_total{source=\"runtime\"} 2.0");
    }

    @Test
    void anOversizedBatchIs413AndTheServerGoesOn() throws Exception {
        StringBuilder big = new StringBuilder();
        while (big.length() <= 4096) big.append(line(1, ",\"pad\":\"" + "x".repeat(100) + "\""));
        HttpResponse<String> r = client.post("/v1/events", big.toString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("larger than the limit of 4096 bytes");
        assertThat(client.post("/v1/events", line(1, "")).statusCode()).isEqualTo(200);
    }

    @Test
    void metricsCountEventsBySourceAndAlertsByRule() throws Exception {
        client.post("/v1/events", line(1, ",\"single\":1") + line(2, ""));
        await("one alert", () -> count("") == 1);
        await("metrics", () -> {
            try {
                return client.get("/metrics").body().contains("picket_events_received_total{source=\"runtime\"} 2.0");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        String metrics = client.get("/metrics").body();
        assertThat(metrics).contains("picket_alerts_total{rule=\"TEST-SINGLE\"} 1.0")
                .contains("picket_ingest_queue_batches")
                .contains("picket_batch_processing_seconds_count 1")
                .contains("picket_events_received_total{source=\"audit\"} 0.0");
    }

    @Test
    void theHealthCheckSaysWhetherIngestRuns() throws Exception {
        JsonNode health = client.withToken(null).getJson("/healthz");
        assertThat(health.path("status").asText()).isEqualTo("ok");
        assertThat(health.has("queued")).isTrue();
    }

    @Test
    void concurrentSendersAllGetTheirBatchesProcessed() throws Exception {
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int sender = t;
            senders.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 10; i++) {
                    int n = sender * 100 + i;
                    try {
                        HttpResponse<String> r;
                        do {
                            r = client.post("/v1/events", "{\"time\":\"2026-11-02T10:00:00Z\",\"id\":\"e" + n + "\",\"single\":1}\n");
                        } while (r.statusCode() == 429);
                        assertThat(r.statusCode()).isEqualTo(200);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
            }));
        }
        for (Thread s : senders) s.join();
        await("forty alerts", () -> count("?limit=100") == 40);
    }
}
