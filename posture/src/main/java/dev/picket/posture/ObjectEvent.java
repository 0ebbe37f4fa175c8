package dev.picket.posture;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.LogSource;
import dev.picket.engine.event.Origin;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * An object presented to the rules as the {@code audit.k8s.io/v1} event its creation produces: verb
 * {@code create}, the object as {@code requestObject}, response 201. The control-plane rules that judge
 * what is being created then judge a manifest, a live object or an admission request unchanged - each
 * detection is written once. The annotation {@value #MARKER} says how the object is being judged
 * ({@code scan} or {@code admission}); posture-only rules require it, so they stay quiet on the
 * cluster's real audit stream.
 */
public final class ObjectEvent {
    /** Audit annotation naming the posture evaluation that produced the event. */
    public static final String MARKER = "posture.picket.dev/evaluation";

    /** Resource names the API server uses where the plural is not the kind plus "s". */
    private static final Map<String, String> IRREGULAR = Map.of(
            "Endpoints", "endpoints",
            "PodSecurityPolicy", "podsecuritypolicies");

    private ObjectEvent() {
    }

    /** The principal a scan's events carry. */
    public static final String SCAN_USER = "picket-scan";

    /**
     * @param evaluation {@code scan} or {@code admission}
     * @param user       the requesting user as the audit event has it ({@code username}, {@code groups})
     */
    public static Event of(KubeObject o, String evaluation, ObjectNode user, Instant time) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode e = f.objectNode();
        String[] groupVersion = groupVersion(o.apiVersion());
        String resource = resource(o.kind());
        String ns = o.namespace();
        e.put("kind", "Event").put("apiVersion", "audit.k8s.io/v1").put("level", "RequestResponse");
        e.put("auditID", UUID.nameUUIDFromBytes((o.where() + "|" + o.reference()).getBytes(StandardCharsets.UTF_8)).toString());
        e.put("stage", "ResponseComplete");
        e.put("requestURI", (groupVersion[0].isEmpty() ? "/api/" + groupVersion[1] : "/apis/" + o.apiVersion())
                + (ns == null ? "" : "/namespaces/" + ns) + "/" + resource);
        e.put("verb", "create");
        e.set("user", user);
        e.putArray("sourceIPs");
        e.put("userAgent", "picket/" + evaluation);
        ObjectNode ref = e.putObject("objectRef").put("resource", resource);
        if (ns != null) ref.put("namespace", ns);
        ref.put("name", o.name());
        if (!groupVersion[0].isEmpty()) ref.put("apiGroup", groupVersion[0]);
        ref.put("apiVersion", groupVersion[1]);
        e.putObject("responseStatus").putObject("metadata");
        ((ObjectNode) e.get("responseStatus")).put("code", 201);
        e.set("requestObject", o.object());
        e.put("requestReceivedTimestamp", time.toString()).put("stageTimestamp", time.toString());
        e.putObject("annotations").put("authorization.k8s.io/decision", "allow").put(MARKER, evaluation);
        return new Event(LogSource.KUBERNETES_AUDIT, time, new Origin(o.source(), o.line(), null), e);
    }

    /** The scan's principal: {@value #SCAN_USER}, authenticated. */
    public static ObjectNode scanUser() {
        ObjectNode u = JsonNodeFactory.instance.objectNode().put("username", SCAN_USER);
        u.putArray("groups").add("system:authenticated");
        return u;
    }

    /** The API resource of a kind: lower case plural, as the API server names it. */
    static String resource(String kind) {
        String irregular = IRREGULAR.get(kind);
        if (irregular != null) return irregular;
        String k = kind.toLowerCase(Locale.ROOT);
        if (k.endsWith("s") || k.endsWith("x") || k.endsWith("ch") || k.endsWith("sh")) return k + "es";
        if (k.endsWith("y") && k.length() > 1 && "aeiou".indexOf(k.charAt(k.length() - 2)) < 0) {
            return k.substring(0, k.length() - 1) + "ies";
        }
        return k + "s";
    }

    /** {group, version}; the core group is "". */
    private static String[] groupVersion(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? new String[] {"", apiVersion} : new String[] {apiVersion.substring(0, slash), apiVersion.substring(slash + 1)};
    }
}
