package dev.picket.cli.simulate;

import dev.picket.simulator.ingest.EventSink;
import dev.picket.simulator.local.LocalTarget;
import dev.picket.simulator.local.NodeSensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Starting local mode: root check, the jailed victim with Picket's node sensor watching it. */
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

    public static LocalTarget start(EventSink sink) throws IOException, InterruptedException {
        return LocalTarget.start(Path.of(System.getProperty("java.io.tmpdir")), sink, new NodeSensor());
    }
}
