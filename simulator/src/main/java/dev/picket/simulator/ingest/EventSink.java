package dev.picket.simulator.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/** Where the telemetry of a simulation goes: Kubernetes audit events and Picket runtime events, one at a time. */
public interface EventSink {
    void accept(Telemetry kind, ObjectNode event) throws IOException, InterruptedException;

    /** The two kinds of telemetry, each with the ingest endpoint that takes it. */
    enum Telemetry {
        AUDIT, RUNTIME
    }
}
