package dev.picket.cli.simulate;

import dev.picket.simulator.ingest.EventSink;
import dev.picket.simulator.local.LocalTarget;
import dev.picket.simulator.local.RuntimeSensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;

/** Starting local mode: root check, the runtime sensor if this build has one, the jailed victim. */
public final class LocalMode {
    private LocalMode() {
    }

    public static boolean root() {
        try {
            return Files.readString(Path.of("/proc/self/status")).lines().anyMatch(l -> l.matches("Uid:\\s+0\\s.*"));
        } catch (IOException e) {
            return false;
        }
    }

    /** The runtime sensor registered as a {@link RuntimeSensor} service, or null. */
    public static RuntimeSensor sensor() {
        return ServiceLoader.load(RuntimeSensor.class).findFirst().orElse(null);
    }

    public static LocalTarget start(EventSink sink) throws IOException, InterruptedException {
        return LocalTarget.start(Path.of(System.getProperty("java.io.tmpdir")), sink, sensor());
    }
}
