package dev.picket.simulator.local;

import dev.picket.simulator.Target;
import dev.picket.simulator.ingest.EventSink;
import dev.picket.simulator.scenario.Expectation;
import dev.picket.simulator.scenario.Scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * Local mode: the jailed victim container, the stand-ins it talks to, and the runtime sensor watching
 * it, all feeding one sink. Needs root (namespaces, overlay, cgroup, veth, the stand-ins' ports).
 */
public final class LocalTarget implements Target {
    private final VictimContainer victim;
    private final StandIns standIns;
    private final AutoCloseable watch;
    private final String sensorMissing;

    private LocalTarget(VictimContainer victim, StandIns standIns, AutoCloseable watch, String sensorMissing) {
        this.victim = victim;
        this.standIns = standIns;
        this.watch = watch;
        this.sensorMissing = sensorMissing;
    }

    /** @param sensor the runtime sensor, or null when this build has none */
    public static LocalTarget start(Path work, EventSink sink, RuntimeSensor sensor) throws IOException, InterruptedException {
        String token = serviceAccountToken();
        VictimContainer victim = VictimContainer.start(work, token);
        StandIns standIns = null;
        try {
            standIns = StandIns.start(victim.victim(), token, sink, work);
            if (sensor == null) return new LocalTarget(victim, standIns, null, "no runtime sensor in this build");
            try {
                return new LocalTarget(victim, standIns, sensor.watch(victim.victim(), sink), null);
            } catch (IOException e) {
                // Still worth running: the audit-derived alerts can fire, and the verdict names the rest.
                return new LocalTarget(victim, standIns, null, sensor.name() + " could not start (" + e.getMessage() + ")");
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (standIns != null) standIns.close();
            victim.close();
            throw e;
        }
    }

    /** A bound service-account token's shape: a random JWT-like string the API stand-in accepts. */
    private static String serviceAccountToken() {
        byte[] random = new SecureRandom().generateSeed(32);
        return "eyJhbGciOiJSUzI1NiJ9.picket-simulation." + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    public VictimContainer container() {
        return victim;
    }

    @Override
    public String deliver(Scenario scenario) throws IOException, InterruptedException {
        return victim.webShell(scenario.command());
    }

    /** Without a sensor only audit-derived alerts (from the API stand-in) can fire: name the others. */
    @Override
    public String limitation(Scenario scenario) {
        if (sensorMissing == null) return null;
        List<String> runtime = scenario.expect().stream().map(Expectation::id).filter(id -> !id.startsWith("audit-")).toList();
        return runtime.isEmpty() ? null : sensorMissing + ": " + String.join(", ", runtime) + " need the sensor's process, file and network events";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (watch != null) watch.close();
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("stopping the sensor: " + e.getMessage(), e);
        } finally {
            standIns.close();
            victim.close();
        }
    }
}
