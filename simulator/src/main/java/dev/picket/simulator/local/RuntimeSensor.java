package dev.picket.simulator.local;

import dev.picket.simulator.ingest.EventSink;

import java.io.IOException;

/**
 * The seam between local mode and the node sensor: something that watches the victim container's
 * processes, file accesses and connections, and hands each as a Picket runtime event to the sink
 * until closed. Local mode runs without one when none is available; then only the alerts raised from
 * the API server stand-in's audit events can fire, and the verdict says so.
 */
public interface RuntimeSensor {
    /** A short name for progress and notes. */
    String name();

    AutoCloseable watch(Victim victim, EventSink sink) throws IOException;
}
