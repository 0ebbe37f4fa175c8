package dev.picket.server.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.posture.Finding;
import dev.picket.posture.KubeObject;
import dev.picket.posture.PostureEvaluator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges one {@code admission.k8s.io/v1} AdmissionReview with the posture rules and the policy, in
 * memory only. Findings are what {@code picket scan} reports for the same object; object annotations
 * do not exempt here (whoever writes the object would exempt themselves) - exemptions at admission are
 * Sigma filters the operator loads with the rules.
 */
public final class AdmissionReviewer {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** The API server shows warnings of at most this many characters and truncates the rest. */
    private static final int WARNING_CHARS = 120;

    private final PostureEvaluator evaluator;
    private final AdmissionPolicy policy;
    private final Clock clock;

    public AdmissionReviewer(PostureEvaluator evaluator, AdmissionPolicy policy, Clock clock) {
        this.evaluator = evaluator;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * The answer to the review and what it records.
     *
     * @param response the AdmissionReview to send back
     * @param recorded the findings denied, warned about or audited (none for dry runs: judged, not recorded)
     * @param context  the {@code admission} block their alerts carry
     */
    public record Verdict(ObjectNode response, boolean allowed, List<Finding> recorded, ObjectNode context) {
        public Verdict {
            recorded = List.copyOf(recorded);
        }

        /** The alerts to store. Builds them (redacting evidence), so the webhook calls it off the request path. */
        public List<ObjectNode> alerts() {
            List<ObjectNode> out = new ArrayList<>(recorded.size());
            for (Finding f : recorded) out.add((ObjectNode) f.json().set("admission", context));
            return out;
        }
    }

    /** @throws IllegalArgumentException when the body is not an admission.k8s.io/v1 AdmissionReview request */
    public Verdict review(JsonNode body) {
        JsonNode request = body.path("request");
        if (!"AdmissionReview".equals(body.path("kind").asText()) || !request.isObject()
                || !request.path("uid").isTextual()) {
            throw new IllegalArgumentException("not an AdmissionReview with a request and its uid");
        }
        String uid = request.path("uid").asText();
        String namespace = request.path("namespace").asText(null);
        JsonNode object = request.path("object");
        if (!object.isObject() || policy.exempt(namespace)) return allow(uid, List.of(), List.of(), null);

        ObjectNode judged = object.deepCopy();
        ObjectNode metadata = judged.with("metadata");
        if (namespace != null && !metadata.has("namespace")) metadata.put("namespace", namespace);
        if (!metadata.hasNonNull("name")) {
            // Pods from a generateName have no name yet: the request's, else the prefix, identify them.
            metadata.put("name", request.path("name").asText(metadata.path("generateName").asText("")));
        }
        if (!judged.has("kind")) judged.put("kind", request.path("kind").path("kind").asText());
        if (!judged.has("apiVersion")) judged.put("apiVersion", apiVersion(request.path("kind")));

        AdmissionPolicy.Scope scope = policy.scope(namespace, labels(metadata.path("labels")));
        ObjectNode user = F.objectNode().put("username", request.path("userInfo").path("username").asText(""));
        user.set("groups", request.path("userInfo").path("groups").isArray()
                ? request.path("userInfo").path("groups").deepCopy() : F.arrayNode());
        KubeObject o = new KubeObject(judged, "admission " + request.path("operation").asText("") + " " + uid, 0);
        List<Finding> counted = evaluator.evaluate(o, "admission", user, clock.instant()).stream()
                .filter(f -> f.severity().compareTo(scope.severity()) >= 0).toList();
        if (counted.isEmpty()) return allow(uid, List.of(), List.of(), null);

        boolean dryRun = request.path("dryRun").asBoolean(false);
        String decision = switch (scope.mode()) {
            case ENFORCE -> "denied";
            case WARN -> "warned";
            case AUDIT -> "audited";
        };
        List<Finding> recorded = dryRun ? List.of() : counted;
        ObjectNode context = F.objectNode().put("uid", uid).put("operation", request.path("operation").asText())
                .put("mode", scope.mode().name().toLowerCase(Locale.ROOT)).put("decision", decision);
        return switch (scope.mode()) {
            case ENFORCE -> deny(uid, counted, recorded, context);
            case WARN -> allow(uid, counted.stream().map(AdmissionReviewer::warning).toList(), recorded, context);
            case AUDIT -> allow(uid, List.of(), recorded, context);
        };
    }

    private static Verdict allow(String uid, List<String> warnings, List<Finding> recorded, ObjectNode context) {
        ObjectNode review = envelope(uid, true);
        if (!warnings.isEmpty()) {
            ArrayNode w = ((ObjectNode) review.get("response")).putArray("warnings");
            warnings.forEach(w::add);
        }
        return new Verdict(review, true, recorded, context);
    }

    private static Verdict deny(String uid, List<Finding> findings, List<Finding> recorded, ObjectNode context) {
        ObjectNode review = envelope(uid, false);
        StringBuilder message = new StringBuilder("denied by Picket:");
        for (Finding f : findings) {
            message.append(' ').append(f.ruleId()).append(" (").append(f.severity().word()).append(") at ")
                    .append(f.firstContainer() == null ? "" : "container " + f.firstContainer() + ", ")
                    .append(f.firstField()).append(": ").append(firstSentence(f.rule().remediation())).append(';');
        }
        message.setLength(message.length() - 1);
        ((ObjectNode) review.get("response")).putObject("status").put("code", 403).put("reason", "Forbidden")
                .put("message", message.toString());
        return new Verdict(review, false, recorded, context);
    }

    private static String warning(Finding f) {
        String w = "picket: " + f.ruleId() + " (" + f.severity().word() + ") at " + f.firstField();
        return w.length() <= WARNING_CHARS ? w : w.substring(0, WARNING_CHARS - 1) + "…";
    }

    private static ObjectNode envelope(String uid, boolean allowed) {
        ObjectNode review = F.objectNode().put("apiVersion", "admission.k8s.io/v1").put("kind", "AdmissionReview");
        review.putObject("response").put("uid", uid).put("allowed", allowed);
        return review;
    }

    private static String firstSentence(String text) {
        if (text == null) return "see the rule's remediation";
        String flat = text.strip().replaceAll("\\s+", " ");
        int end = flat.indexOf(". ");
        return end < 0 ? flat : flat.substring(0, end + 1);
    }

    private static String apiVersion(JsonNode gvk) {
        String group = gvk.path("group").asText("");
        return group.isEmpty() ? gvk.path("version").asText() : group + "/" + gvk.path("version").asText();
    }

    private static Map<String, String> labels(JsonNode labels) {
        Map<String, String> out = new LinkedHashMap<>();
        labels.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
