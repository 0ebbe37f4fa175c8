package dev.picket.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.io.decode.InputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances in separate JVMs share the work; one is killed with SIGKILL while correlation
 * windows are open. The survivor takes over its tasks with their state, and every expected alert
 * is on the output topic exactly once.
 */
class StreamsFaultTest {
    private static final int PARTITIONS = 4;
    private static final int NODES = 40;
    private static final int MARKER_NODES = 8;
    private static final Instant START = Instant.parse("2026-03-10T09:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void killingOneInstanceMidStreamLosesAndRepeatsNoAlert(@TempDir Path dir) throws Exception {
        Path rules = Path.of(StreamsFaultTest.class.getResource("/fault-rules").toURI());
        try (TestBroker broker = new TestBroker()) {
            broker.createTopics(PARTITIONS, "picket.events", "picket.alerts");
            Process first = child(broker, dir, "a", rules);
            Process second = child(broker, dir, "b", rules);
            try {
                awaitRunning(dir.resolve("a.log"), dir.resolve("b.log"));

                // Phase 1: three of the five failures on every node (windows open), and marker nodes that complete.
                List<String> phase1 = new ArrayList<>();
                for (int n = 0; n < NODES; n++) for (int i = 0; i < 3; i++) phase1.add(failure(n, i));
                for (int n = NODES; n < NODES + MARKER_NODES; n++) for (int i = 0; i < 5; i++) phase1.add(failure(n, i));
                broker.send("picket.events", InputFormat.RUNTIME, phase1);
                List<String> markers = broker.readCommitted("picket.alerts", seen -> seen.size() >= MARKER_NODES,
                        Duration.ZERO, Duration.ofSeconds(60));
                assertThat(markers).as("both instances process before the kill").hasSize(MARKER_NODES);

                first.destroyForcibly().waitFor(); // SIGKILL: no clean shutdown, its transaction left open

                List<String> phase2 = new ArrayList<>();
                for (int n = 0; n < NODES; n++) for (int i = 3; i < 5; i++) phase2.add(failure(n, i));
                broker.send("picket.events", InputFormat.RUNTIME, phase2);

                List<String> expected = new InProcess(StreamsApp.rules(false, List.of(rules)))
                        .read("events", InputFormat.RUNTIME, phase1).read("events", InputFormat.RUNTIME, phase2).alerts();
                assertThat(expected).hasSize(NODES + MARKER_NODES);

                List<String> got = broker.readCommitted("picket.alerts", seen -> seen.size() >= expected.size(),
                        Duration.ofSeconds(3), Duration.ofSeconds(90));
                assertThat(identities(got)).containsExactlyInAnyOrderElementsOf(identities(expected));
                assertThat(got.stream().map(StreamsFaultTest::id).distinct()).hasSameSizeAs(got);
            } finally {
                first.destroyForcibly();
                second.destroyForcibly();
            }
        }
    }

    private static String failure(int node, int attempt) {
        Instant time = START.plusSeconds(node).plusSeconds(attempt * 30L);
        return "{\"time\":\"" + time + "\",\"category\":\"process_creation\",\"node\":\"node-" + node
                + "\",\"Image\":\"/usr/bin/failing-login\",\"CommandLine\":\"failing-login " + attempt
                + "\",\"ProcessId\":" + (1000 + attempt) + "}";
    }

    private static Process child(TestBroker broker, Path dir, String name, Path rules) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", StreamsChild.class.getName(),
                broker.bootstrap(), "picket-fault", dir.resolve("state-" + name).toString(), rules.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    private static void awaitRunning(Path... logs) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (Path log : logs) {
            while (!(Files.exists(log) && Files.readString(log).contains(StreamsChild.RUNNING))) {
                if (System.nanoTime() > end) throw new AssertionError(log + " never ran:\n" + Files.readString(log));
                Thread.sleep(200);
            }
        }
    }

    /** What makes an alert the same alert whichever instance raised it: rule, time and group. */
    private static List<String> identities(List<String> alerts) {
        return alerts.stream().map(a -> {
            JsonNode o = tree(a);
            return o.path("rule").path("id").asText() + " " + o.path("time").asText() + " " + o.path("groupBy");
        }).toList();
    }

    private static String id(String alert) {
        return tree(alert).path("id").asText();
    }

    private static JsonNode tree(String alert) {
        try {
            return JSON.readTree(alert);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
