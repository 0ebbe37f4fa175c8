package dev.picket.simulator.ingest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.simulator.verdict.PicketApi;

import java.io.IOException;

/**
 * Sends each event to Picket's server as its sources do: audit events as an {@code EventList} to
 * {@code /v1/audit} (what the API server's audit webhook posts), runtime events as a JSON line to
 * {@code /v1/events} (what the sensor posts).
 */
public final class PicketIngest implements EventSink {
    private final PicketApi api;

    public PicketIngest(PicketApi api) {
        this.api = api;
    }

    @Override
    public void accept(Telemetry kind, ObjectNode event) throws IOException, InterruptedException {
        switch (kind) {
            case AUDIT -> {
                ObjectNode list = JsonNodeFactory.instance.objectNode()
                        .put("kind", "EventList").put("apiVersion", "audit.k8s.io/v1");
                list.putArray("items").add(event);
                api.post("v1/audit", "application/json", list.toString());
            }
            case RUNTIME -> api.post("v1/events", "application/x-ndjson", event + "\n");
        }
    }
}
