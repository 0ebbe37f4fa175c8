package dev.picket.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.engine.event.Event;

/**
 * Which copy of a Kubernetes audit request is judged. The API server may log one request at up to
 * four stages; judging each copy would alert up to four times. A request is judged at
 * {@code ResponseComplete} (or {@code Panic}, its failed end), except long-running requests
 * (exec, attach, port-forward, watch), which are judged at {@code ResponseStarted} because their
 * completion may come hours later. An event without a stage is judged as it is.
 */
public final class AuditStage {
    private AuditStage() {}

    /** True when this copy is the one every rule judges; other copies only go to rules reading {@code stage}. */
    public static boolean judged(Event event) {
        if (!"kubernetes".equalsIgnoreCase(event.logSource().product())) return true;
        JsonNode stage = event.root().get("stage");
        if (stage == null || !stage.isTextual()) return true;
        return switch (stage.textValue()) {
            case "ResponseComplete" -> !longRunning(event);
            case "ResponseStarted" -> longRunning(event);
            case "Panic" -> true;
            default -> false; // RequestReceived
        };
    }

    /** Read straight from the audit.k8s.io object: this runs for every audit event. */
    private static boolean longRunning(Event event) {
        if ("watch".equals(event.root().path("verb").textValue())) return true;
        String sub = event.root().path("objectRef").path("subresource").textValue();
        return "exec".equals(sub) || "attach".equals(sub) || "portforward".equals(sub);
    }
}
