package dev.picket.server.admission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.engine.rule.Severity;
import dev.picket.rules.BuiltinRules;
import dev.picket.rules.RuleSources;
import dev.picket.server.PicketServer;
import dev.picket.server.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.picket.server.TestServers.JSON;
import static dev.picket.server.admission.Reviews.CLEAN;
import static dev.picket.server.admission.Reviews.PRIVILEGED_TEMPLATE;
import static dev.picket.server.admission.Reviews.review;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /v1/admit on the running server with the built-in rules: real AdmissionReview documents in, answers out. */
class AdmissionWebhookTest {
    @TempDir
    static Path data;
    private static PicketServer server;
    private static TestServers.Client client;

    @BeforeAll
    static void start() throws Exception {
        AdmissionPolicy policy = new AdmissionPolicy(AdmissionPolicy.DEFAULT_EXEMPT, List.of(
                new AdmissionPolicy.Scope(List.of("shop"), Map.of(), Mode.ENFORCE, Severity.MEDIUM),
                new AdmissionPolicy.Scope(List.of("staging"), Map.of(), Mode.WARN, Severity.MEDIUM)),
                new AdmissionPolicy.Scope(List.of(), Map.of(), Mode.AUDIT, Severity.MEDIUM), List.of());
        server = new PicketServer(TestServers.config(data), new RuleSources(BuiltinRules.load()).addBuiltin().build(), policy).start();
        client = TestServers.Client.local(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode admit(String uid, String namespace, String object, boolean dryRun) throws Exception {
        HttpResponse<String> r = client.post("/v1/admit", review(uid, namespace, object, dryRun).toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("response");
    }

    private static List<String> recordedDecisions(String name) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode a : client.getJson("/v1/alerts?rule=audit-privileged-container&limit=100").path("alerts")) {
            if (a.at("/finding/object/namespace").asText().equals(name)) out.add(a.at("/admission/decision").asText());
        }
        return out;
    }

    @Test
    void allowed_warned_and_denied_reviews_answer_as_the_policy_says_and_denials_and_warnings_become_alerts() throws Exception {
        JsonNode denied = admit("d-1", "shop", PRIVILEGED_TEMPLATE, false);
        assertThat(denied.path("uid").asText()).isEqualTo("d-1");
        assertThat(denied.path("allowed").asBoolean(true)).isFalse();
        assertThat(denied.at("/status/message").asText()).contains("spec.template.spec.containers[0].securityContext.privileged");

        JsonNode warned = admit("w-1", "staging", PRIVILEGED_TEMPLATE, false);
        assertThat(warned.path("allowed").asBoolean()).isTrue();
        assertThat(warned.path("warnings").toString()).contains("audit-privileged-container");

        JsonNode allowed = admit("a-1", "shop", CLEAN, false);
        assertThat(allowed.path("allowed").asBoolean()).isTrue();
        assertThat(allowed.has("warnings")).isFalse();

        TestServers.await("the denial and the warning in the store",
                () -> call(() -> recordedDecisions("shop").contains("denied") && recordedDecisions("staging").contains("warned")));
    }

    @Test
    void a_dry_run_is_denied_but_not_recorded_and_an_exempt_namespace_is_allowed() throws Exception {
        assertThat(admit("dry-1", "dry-shop", PRIVILEGED_TEMPLATE, true).path("allowed").asBoolean()).isTrue(); // audit scope
        assertThat(admit("ks-1", "kube-system", PRIVILEGED_TEMPLATE, false).path("allowed").asBoolean()).isTrue();
        JsonNode dryDenied = JSON.readTree(client.post("/v1/admit", review("dry-2", "shop", PRIVILEGED_TEMPLATE.replace("node-tuner", "dry-tuner"), true).toString()).body());
        assertThat(dryDenied.at("/response/allowed").asBoolean(true)).isFalse();
        admit("marker-1", "audited", PRIVILEGED_TEMPLATE, false); // recorded after the dry runs: their absence is then settled
        TestServers.await("the audited finding", () -> call(() -> !recordedDecisions("audited").isEmpty()));
        assertThat(recordedDecisions("dry-shop")).isEmpty();
        assertThat(recordedDecisions("kube-system")).isEmpty();
        for (JsonNode a : client.getJson("/v1/alerts?rule=audit-privileged-container&limit=100").path("alerts")) {
            assertThat(a.at("/finding/object/name").asText()).isNotEqualTo("dry-tuner");
        }
    }

    @Test
    void bad_bodies_get_400_and_callers_without_credentials_401() throws Exception {
        assertThat(client.post("/v1/admit", "{\"kind\":\"Event\"}").statusCode()).isEqualTo(400);
        assertThat(client.post("/v1/admit", "not json").statusCode()).isEqualTo(400);
        assertThat(client.withToken(null).post("/v1/admit", review("x", "shop", CLEAN, false).toString()).statusCode()).isEqualTo(401);
    }

    @Test
    void every_review_under_concurrent_load_is_answered_and_the_latency_is_reported() throws Exception {
        String[] bodies = {review("p-1", "shop", PRIVILEGED_TEMPLATE, true).toString(),
                review("p-2", "staging", PRIVILEGED_TEMPLATE, true).toString(), review("p-3", "shop", CLEAN, true).toString()};
        for (int i = 0; i < 60; i++) client.post("/v1/admit", bodies[i % 3]); // warm-up: JIT and connection pool
        int threads = 8;
        int perThread = 100;
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        long start = System.nanoTime();
                        HttpResponse<String> r = client.post("/v1/admit", bodies[(i + offset) % 3]);
                        nanos.add(System.nanoTime() - start);
                        if (r.statusCode() != 200) throw new AssertionError(r.body());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        double p50 = sorted.get(sorted.size() / 2) / 1e6;
        double p99 = sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e6;
        System.out.printf("admission latency over %d reviews, %d concurrent clients: p50 %.2f ms, p99 %.2f ms%n",
                sorted.size(), threads, p50, p99);
        // A figure, not a verdict: timings are reported, never asserted (the machine may be loaded).
        assertThat(sorted).hasSize(threads * perThread);
    }

    private interface Check {
        boolean get() throws Exception;
    }

    private static boolean call(Check c) {
        try {
            return c.get();
        } catch (Exception e) {
            return false;
        }
    }
}
