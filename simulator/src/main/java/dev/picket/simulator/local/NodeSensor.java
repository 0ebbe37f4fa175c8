package dev.picket.simulator.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.sensor.Sensor;
import dev.picket.sensor.SensorMetrics;
import dev.picket.sensor.out.EventSink;
import dev.picket.sensor.proc.Pod;
import dev.picket.sensor.proc.PodResolver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Picket's node sensor (module sensor) watching the victim: kernel audit over netlink, container
 * attribution from the victim's cgroup, drift from its overlay's upper layer. The sensor sees the
 * whole machine; only the victim container's events are passed on, as they are what the scenarios
 * are judged by. The victim's pod is the one its cgroup cannot name, so it is resolved here.
 */
public final class NodeSensor implements RuntimeSensor {
    @Override
    public String name() {
        return "picket sensor";
    }

    @Override
    public AutoCloseable watch(Victim victim, dev.picket.simulator.ingest.EventSink sink) throws IOException {
        PodResolver pods = (containerId, podUid) -> victim.containerId().equals(containerId)
                ? Optional.of(new Pod(victim.namespace(), victim.pod(), Map.of("app.kubernetes.io/name", victim.pod())))
                : Optional.empty();
        String node = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        Sensor sensor = new Sensor(new Sensor.Settings(node, Path.of("/"), pods, false), new VictimOnly(victim, sink), new SensorMetrics());
        Thread thread = Thread.ofPlatform().name("picket-sensor").daemon().start(() -> {
            try {
                sensor.run();
            } catch (IOException e) {
                // awaitStarted reports a failure to start; later failures end the watch, and the verdict shows what is missing
            }
        });
        try {
            sensor.awaitStarted();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the sensor started", e);
        }
        return () -> {
            sensor.stop();
            thread.join();
        };
    }

    /** Passes on the victim container's events only. */
    private record VictimOnly(Victim victim, dev.picket.simulator.ingest.EventSink next) implements EventSink {
        @Override
        public void accept(ObjectNode event) throws IOException {
            if (!victim.containerId().equals(event.path("container").path("id").asText())) return;
            try {
                next.accept(dev.picket.simulator.ingest.EventSink.Telemetry.RUNTIME, event);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
