package dev.picket.simulator.ingest;

import dev.picket.simulator.Target;
import dev.picket.simulator.scenario.Scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Runs a scenario by replaying the telemetry a real local run of it recorded (classpath
 * {@code dev/picket/simulator/recordings/NAME.jsonl}) into the sink, timestamps moved to now: what
 * {@code picket demo} does without root. The engine judges the events as it would live ones.
 */
public final class ReplayTarget implements Target {
    private static final String RECORDINGS = "/dev/picket/simulator/recordings/";

    private final EventSink sink;
    private final Clock clock;

    public ReplayTarget(EventSink sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    @Override
    public String deliver(Scenario scenario) throws IOException, InterruptedException {
        String name = RECORDINGS + scenario.name() + ".jsonl";
        try (InputStream in = ReplayTarget.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("no recorded telemetry for scenario " + scenario.name());
            int sent = Recording.replay(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), name,
                    clock.instant(), sink);
            return "replayed " + sent + " recorded event(s) of scenario " + scenario.name() + "\n";
        }
    }

    @Override
    public String limitation(Scenario scenario) {
        return "replayed telemetry recorded from a local run (no root here to run the victim)";
    }

    @Override
    public void close() {
    }
}
