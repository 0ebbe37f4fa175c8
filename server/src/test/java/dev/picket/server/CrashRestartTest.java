package dev.picket.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.engine.alert.AlertFactory;
import dev.picket.engine.event.Event;
import dev.picket.server.TestServers.Client;
import dev.picket.server.ingest.EngineDetector;
import dev.picket.server.ingest.InputDecoder;
import dev.picket.server.ingest.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.picket.server.TestServers.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the server process with SIGKILL while batches stream in and correlation windows are open,
 * starts it again on the same data directory, and checks that every acknowledged event was
 * processed and that no alert is missing or doubled, by raw alert ids: the server must end with
 * exactly the alerts the engine gives for the same batches run through it without a crash.
 */
class CrashRestartTest {
    private static final int KEYS = 60;

    @TempDir
    Path data;
    Process child;

    @AfterEach
    void killChild() {
        if (child != null) child.destroyForcibly();
    }

    private Client startChild() throws Exception {
        Files.deleteIfExists(data.resolve("port"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ChildServer.class.getName(),
                data.toString()).redirectErrorStream(true).redirectOutput(data.resolve("child.log").toFile()).start();
        await("the child server's port", () -> Files.exists(data.resolve("port")));
        return Client.local(Integer.parseInt(Files.readString(data.resolve("port"))));
    }

    /**
     * Batch i holds one load-generator process of each of three pods, so every pod's burst (three
     * processes, the correlation rule TEST-PROC-BURST) spans three batches: at any moment some
     * correlation windows are open.
     */
    private static String batch(int i) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < 3; j++) {
            int pod = i - 2 + j;
            if (pod < 0 || pod >= KEYS) continue;
            b.append(("{\"time\":\"2026-11-02T10:%02d:%02dZ\",\"category\":\"process_creation\",\"Image\":\"/usr/bin/loadgen\","
                    + "\"CommandLine\":\"loadgen %d-%d\",\"k8s\":{\"namespace\":\"load\",\"pod\":\"pod-%d\"}}\n")
                    .formatted(i / 60, i % 60, pod, 2 - j, pod));
        }
        return b.toString();
    }

    /** The alert ids the engine gives for the batches in one uninterrupted run. */
    private static List<String> uninterruptedAlertIds(List<String> batches) {
        InputDecoder decoder = new InputDecoder("test-cluster", 1 << 20, Clock.systemUTC());
        EngineDetector detector = new EngineDetector(TestServers.engineRules(), new AlertFactory("test-cluster"));
        List<String> ids = new ArrayList<>();
        for (String b : batches) {
            for (Event e : decoder.decode(Source.RUNTIME, b.getBytes(StandardCharsets.UTF_8)).events()) {
                detector.detect(e).forEach(a -> ids.add(a.path("id").asText()));
            }
        }
        return ids;
    }

    @Test
    void afterKillNineAndRestartEveryAcknowledgedEventIsProcessedAndNoAlertDoubled() throws Exception {
        Client client = startChild();
        List<String> batches = new ArrayList<>();
        for (int i = 0; i < KEYS + 2; i++) batches.add(batch(i));
        int next = 0;
        int killAt = batches.size() / 2;
        while (next < killAt) {
            assertThat(client.post("/v1/events", batches.get(next)).statusCode()).isEqualTo(200);
            next++;
        }
        // One more batch is in flight as the process dies: its answer may or may not arrive.
        Thread inFlight = Thread.ofPlatform().start(() -> {
            try {
                client.post("/v1/events", batches.get(killAt));
            } catch (IOException | InterruptedException e) {
                // the connection died with the server
            }
        });
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        inFlight.join();
        assertThat(child.exitValue()).as("killed, not shut down").isEqualTo(137);

        Client restarted = startChild();
        // The sender did not learn the fate of the in-flight batch, so it sends it again, as the
        // API server's webhook backend does; the server must not count its events twice.
        for (int i = killAt; i < batches.size(); i++) {
            HttpResponse<String> r;
            do {
                r = restarted.post("/v1/events", batches.get(i));
            } while (r.statusCode() == 429);
            assertThat(r.statusCode()).isEqualTo(200);
        }
        List<String> expected = uninterruptedAlertIds(batches);
        assertThat(expected).as("one burst alert per pod").hasSize(KEYS).doesNotHaveDuplicates();
        await("every window's alert", () -> alertIds(restarted).size() >= expected.size());
        List<String> all = alertIds(restarted);
        assertThat(all).as("raw alert ids, no fingerprint grouping").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    private static List<String> alertIds(Client client) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        try {
            do {
                JsonNode page = client.getJson("/v1/alerts?limit=25" + (cursor == null ? "" : "&cursor=" + cursor));
                page.path("alerts").forEach(a -> ids.add(a.path("id").asText()));
                cursor = page.path("next").isNull() ? null : page.path("next").asText();
            } while (cursor != null);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
        return ids;
    }
}
