package dev.picket.server.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.event.Event;

import java.util.List;

/**
 * Runs the detection rules over one event and returns its alerts as JSON (the alert contract,
 * evidence redacted). Called from one thread only, in journal order: the rules keep state.
 */
@FunctionalInterface
public interface Detector {
    List<ObjectNode> detect(Event event);
}
