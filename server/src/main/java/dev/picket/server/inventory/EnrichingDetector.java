package dev.picket.server.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.event.Event;
import dev.picket.server.ingest.Detector;

import java.util.List;

/**
 * Names each alert's owning workload and service account from the cluster inventory: what the
 * cluster says replaces what the pod's name suggested, and incidents then group by the real owner.
 */
public final class EnrichingDetector implements Detector {
    private final Detector detector;
    private final ClusterInventory inventory;

    public EnrichingDetector(Detector detector, ClusterInventory inventory) {
        this.detector = detector;
        this.inventory = inventory;
    }

    @Override
    public List<ObjectNode> detect(Event event) {
        List<ObjectNode> alerts = detector.detect(event);
        for (ObjectNode alert : alerts) {
            if (!(alert.get("entity") instanceof ObjectNode entity)) continue;
            String namespace = text(entity, "namespace");
            String pod = text(entity, "pod");
            if (namespace == null || pod == null) continue;
            inventory.owner(namespace, pod).ifPresent(o -> entity.putObject("workload").put("kind", o.kind()).put("name", o.name()));
            inventory.serviceAccount(namespace, pod).ifPresent(sa -> entity.put("serviceAccount", sa));
        }
        return alerts;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isTextual() || v.asText().isEmpty() ? null : v.asText();
    }
}
