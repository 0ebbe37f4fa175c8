package dev.picket.io.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.LogSource;
import dev.picket.engine.event.Origin;

import java.time.Instant;

/**
 * Kubernetes API-server audit events ({@code audit.k8s.io/v1}, {@code v1beta1}, {@code v1alpha1}
 * and events without {@code apiVersion}), kept under their native field names so rules written
 * for {@code audit.k8s.io/v1} apply to all of them.
 *
 * <p>What older versions do differently, and what is done about it:
 * <ul>
 *   <li>{@code v1beta1} and {@code v1alpha1} carry {@code timestamp} (when the request reached the
 *       API server) and {@code metadata}; {@code v1} dropped both. {@code requestReceivedTimestamp}
 *       means the same as {@code timestamp}, so when an event lacks it, it is filled in from
 *       {@code timestamp}. {@code metadata} is kept as it is.</li>
 *   <li>{@code v1alpha1} names the object's group and version together in
 *       {@code objectRef.apiVersion} ({@code "apps/v1"}); {@code v1beta1} and {@code v1} split it
 *       into {@code objectRef.apiGroup} and {@code objectRef.apiVersion}. A combined value is split
 *       when {@code apiGroup} is absent.</li>
 *   <li>Items of an {@code EventList} (an audit webhook batch) usually carry no {@code apiVersion}
 *       of their own; they take the list's.</li>
 * </ul>
 * The event's time is {@code stageTimestamp}, else {@code requestReceivedTimestamp}, else
 * {@code timestamp}.
 */
final class AuditDecoder implements Decoder<JsonRecord> {
    @Override
    public Event decode(JsonRecord record, Origin origin) throws DecodeException {
        ObjectNode event = record.node();
        String kind = Fields.text(event, "kind");
        if (kind != null && !kind.equals("Event")) {
            throw new DecodeException("not an audit event: kind " + Fields.quote(kind));
        }
        if (event.get("apiVersion") == null && record.list() != null && record.list().get("apiVersion") != null) {
            event.set("apiVersion", record.list().get("apiVersion"));
        }
        normalise(event);
        return new Event(LogSource.KUBERNETES_AUDIT, time(event), origin, event);
    }

    /** True when the object has the fields every audit event has, whatever its version. */
    static boolean looksLikeAudit(JsonNode node, JsonNode list) {
        String apiVersion = Fields.text(list != null && node.get("apiVersion") == null ? list : node, "apiVersion");
        if (apiVersion != null && apiVersion.startsWith("audit.k8s.io/")) return true;
        return node.has("auditID") && node.has("verb") && node.has("requestURI");
    }

    private static void normalise(ObjectNode event) {
        if (event.get("requestReceivedTimestamp") == null && event.get("timestamp") != null) {
            event.set("requestReceivedTimestamp", event.get("timestamp"));
        }
        if (event.get("objectRef") instanceof ObjectNode ref && ref.get("apiGroup") == null) {
            String combined = Fields.text(ref, "apiVersion");
            int slash = combined == null ? -1 : combined.indexOf('/');
            if (slash > 0) {
                ref.put("apiGroup", combined.substring(0, slash));
                ref.put("apiVersion", combined.substring(slash + 1));
            }
        }
    }

    private static Instant time(ObjectNode event) throws DecodeException {
        for (String field : new String[] {"stageTimestamp", "requestReceivedTimestamp", "timestamp"}) {
            if (event.get(field) != null) return Times.rfc3339(event, field);
        }
        throw new DecodeException("audit event has no stageTimestamp, requestReceivedTimestamp or timestamp");
    }
}
