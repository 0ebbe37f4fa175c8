package dev.picket.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.engine.sigma.RuleSet;
import dev.picket.io.decode.InputFormat;
import dev.picket.store.AlertQuery;
import dev.picket.store.AlertStore;
import dev.picket.store.StoreSettings;
import dev.picket.store.Stores;
import dev.picket.streams.config.StreamsSettings;
import dev.picket.streams.ops.AlertStoreSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner against a real broker gives what {@code picket detect} gives over the same samples. */
class StreamsAcceptanceTest {
    private static final Path SAMPLES = Path.of("..", "samples");
    private static final int PARTITIONS = 3;
    private static TestBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new TestBroker();
        broker.createTopics(PARTITIONS, "picket.audit", "picket.events", "picket.sshd", "picket.alerts");
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void samplesGiveTheSameAlertsAsTheInProcessEngineStatefulRulesIncluded(@TempDir Path state) throws Exception {
        RuleSet rules = StreamsApp.rules(settings(state));
        List<String> audit = Files.readAllLines(SAMPLES.resolve("audit-attack.jsonl"));
        List<String> runtime = Files.readAllLines(SAMPLES.resolve("runtime-attack.jsonl"));
        List<String> sshd = Files.readAllLines(SAMPLES.resolve("sshd.log"));
        List<String> expected = new InProcess(rules)
                .read("audit", InputFormat.AUDIT, audit)
                .read("runtime", InputFormat.RUNTIME, runtime)
                .read("sshd", null, sshd)
                .alerts();
        assertThat(ruleIds(expected)).as("the samples exercise stateful rules")
                .contains("auth-ssh-bruteforce-attempts", "audit-secrets-enumeration");

        try (StreamsApp app = new StreamsApp(settings(state), rules)) {
            app.start();
            broker.send("picket.audit", InputFormat.AUDIT, audit);
            broker.send("picket.events", InputFormat.RUNTIME, runtime);
            broker.send("picket.sshd", null, sshd);
            List<String> got = broker.readCommitted("picket.alerts", seen -> seen.size() >= expected.size(),
                    Duration.ofSeconds(2), Duration.ofSeconds(60));

            assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(get(app.opsPort(), "/healthz")).isEqualTo(200);
            String metrics = body(app.opsPort(), "/metrics");
            assertThat(metrics).contains("picket_alerts_total{stage=\"correlate\"}")
                    .contains("kafka_stream_thread");
        }
    }

    @Test
    void theStoreSinkCopiesEachAlertOnceEvenWhenTheTopicRepeatsIt(@TempDir Path data) throws Exception {
        broker.createTopics(1, "sink.alerts");
        List<String> alerts = new InProcess(StreamsApp.rules(true, List.of()))
                .read("audit", InputFormat.AUDIT, Files.readAllLines(SAMPLES.resolve("audit-attack.jsonl"))).alerts()
                .subList(0, 3);
        List<String> twice = new java.util.ArrayList<>(alerts);
        twice.addAll(alerts);
        try (AlertStore store = Stores.sqlite(data, StoreSettings.of(Duration.ofMinutes(30), List.of()));
             AlertStoreSink sink = new AlertStoreSink(Map.of("bootstrap.servers", broker.bootstrap()), "sink-test",
                     "sink.alerts", store)) {
            Thread thread = Thread.ofPlatform().start(sink);
            broker.sendRaw("sink.alerts", twice);
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (store.alerts(AlertQuery.latest(100)).alerts().size() < 3 && System.nanoTime() < end) Thread.sleep(100);
            sink.close();
            thread.join();
            assertThat(store.alerts(AlertQuery.latest(100)).alerts()).hasSize(3);
            for (String alert : alerts) {
                assertThat(store.alert(new ObjectMapper().readTree(alert).path("id").asText())).isPresent();
            }
        }
    }

    private static StreamsSettings settings(Path state) {
        return new StreamsSettings(Map.of("bootstrap.servers", broker.bootstrap(), "commit.interval.ms", "100"),
                "picket-acceptance", 2, state,
                List.of(new StreamsSettings.Input("picket.audit", InputFormat.AUDIT),
                        new StreamsSettings.Input("picket.events", InputFormat.RUNTIME),
                        new StreamsSettings.Input("picket.sshd", null)),
                "picket.alerts", null, List.of(), true, 100_000, 0, null);
    }

    static List<String> ruleIds(List<String> alerts) {
        ObjectMapper json = new ObjectMapper();
        return alerts.stream().map(a -> {
            try {
                return json.readTree(a).path("rule").path("id").asText();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private static int get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String body(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
