package dev.picket.sensor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.sensor.out.EventSink;
import dev.picket.sensor.proc.PodResolver;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A sensor running in the test's JVM with its events collected in memory. When the audit netlink
 * socket cannot be had here (no kernel support, no root, audit locked or owned elsewhere), the
 * test is skipped with the reason rather than failed. Closing it stops the sensor, which removes
 * its rules and restores the audit status.
 */
final class RunningSensor implements AutoCloseable {
    private final List<ObjectNode> events = new ArrayList<>();
    private final Sensor sensor;
    private final Thread thread;
    private final SensorMetrics metrics = new SensorMetrics();
    private volatile Throwable failure;

    private RunningSensor() {
        EventSink sink = new EventSink() {
            @Override
            public void accept(ObjectNode event) {
                synchronized (events) {
                    events.add(event);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        sensor = new Sensor(new Sensor.Settings("test-node", Path.of("/"), PodResolver.NONE, false), sink, metrics);
        thread = Thread.ofPlatform().name("test-sensor").start(() -> {
            try {
                sensor.run();
            } catch (Throwable e) {
                failure = e;
            }
        });
    }

    static RunningSensor start() throws InterruptedException {
        RunningSensor running = new RunningSensor();
        try {
            running.sensor.awaitStarted();
        } catch (IOException e) {
            running.close();
            Assumptions.abort("the audit netlink socket is not available here, so the sensor cannot run: " + e.getMessage());
        }
        return running;
    }

    /** CPU time the sensor's thread has used (everything the sensor does but write to its sink happens there). */
    long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getThreadCpuTime(thread.threadId());
    }

    /** Every event collected so far that satisfies the test. */
    List<ObjectNode> events(Predicate<JsonNode> test) {
        synchronized (events) {
            return events.stream().filter(test).toList();
        }
    }

    /** Waits until at least {@code count} events satisfy the test (or the timeout passes); returns them. */
    List<ObjectNode> await(Predicate<JsonNode> test, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ObjectNode> found = events(test);
        while (found.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            found = events(test);
        }
        return found;
    }

    @Override
    public void close() throws InterruptedException {
        sensor.stop();
        thread.join(10_000);
        dump();
        if (failure != null) throw new AssertionError("the sensor failed", failure);
    }

    /** Leaves the events in target/ for whoever reads a failed test's report. */
    private void dump() {
        try (var out = java.nio.file.Files.newBufferedWriter(Path.of("target", "sensor-events-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".jsonl"))) {
            synchronized (events) {
                for (ObjectNode e : events) out.write(e + "\n");
            }
        } catch (IOException e) {
            // only a diagnostic
        }
    }

    /** Runs a command to its end and returns its exit code. */
    static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor();
    }

    static String text(JsonNode event, String field) {
        JsonNode v = event.get(field);
        return v == null ? null : v.asText();
    }
}
