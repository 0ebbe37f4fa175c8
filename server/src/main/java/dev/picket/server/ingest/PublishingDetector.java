package dev.picket.server.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.alert.AlertJson;
import dev.picket.engine.event.Event;
import dev.picket.outputs.AlertOutputs;

import java.util.List;

/**
 * Hands every alert a detector raises to the configured outputs as well. Publishing only queues
 * (each output has its own queue and thread), so a slow receiver never slows detection. Events
 * replayed from the journal after a restart can raise an alert again; it keeps its id, so
 * receivers can recognise the repeat.
 */
public final class PublishingDetector implements Detector {
    private final Detector detector;
    private final AlertOutputs outputs;

    public PublishingDetector(Detector detector, AlertOutputs outputs) {
        this.detector = detector;
        this.outputs = outputs;
    }

    @Override
    public List<ObjectNode> detect(Event event) {
        List<ObjectNode> alerts = detector.detect(event);
        for (ObjectNode alert : alerts) outputs.publish(AlertJson.read(alert));
        return alerts;
    }
}
