package dev.picket.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.server.TestServers.Client;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static dev.picket.server.TestServers.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the server process with SIGKILL while batches stream in and correlation windows are open,
 * starts it again on the same data directory, and checks that every acknowledged event was
 * processed and that no alert is missing or doubled, by raw alert ids.
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
     * Batch i holds one event of each of three keys, so every key's window (three events) spans
     * three batches: at any moment some windows are open. Key k's alert is made of its three events.
     */
    private static String batch(int i) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < 3; j++) {
            int key = i + j <= KEYS + 1 ? i - 2 + j : -1;
            if (key < 0 || key >= KEYS) continue;
            b.append("{\"time\":\"2026-11-02T10:00:00Z\",\"id\":\"e%d-%d\",\"key\":\"k%d\"}\n".formatted(key, 2 - j, key));
        }
        return b.toString();
    }

    private static Set<String> expectedAlertIds() {
        Set<String> ids = new HashSet<>();
        for (int k = 0; k < KEYS; k++) ids.add("count-e%d-0+e%d-1+e%d-2".formatted(k, k, k));
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
        await("every window's alert", () -> alertIds(restarted).size() >= KEYS);
        List<String> all = alertIds(restarted);
        assertThat(all).as("raw alert ids, no fingerprint grouping").hasSize(KEYS).doesNotHaveDuplicates();
        assertThat(new HashSet<>(all)).isEqualTo(expectedAlertIds());
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
