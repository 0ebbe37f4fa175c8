package dev.picket.io.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One API request as the API server's audit backend writes it ({@code audit.k8s.io/v1} Event):
 * who, from where, with which client, on which object, the answer, and the request body when the
 * audit policy logs it. The request URI is derived from the object reference as the API server
 * routes it.
 */
public final class AuditRecord {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Kubernetes MicroTime, as audit timestamps are written: {@code 2026-12-01T08:00:00.014000Z}. */
    private static final DateTimeFormatter MICRO_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** Who sent a request: user name, groups, client user agent, client address. */
    public record Principal(String username, List<String> groups, String userAgent, String sourceIp) {
        public static Principal user(String name, String userAgent, String ip) {
            return new Principal(name, List.of("system:authenticated"), userAgent, ip);
        }

        public static Principal serviceAccount(String namespace, String name, String userAgent, String ip) {
            return new Principal("system:serviceaccount:" + namespace + ":" + name,
                    List.of("system:serviceaccounts", "system:serviceaccounts:" + namespace, "system:authenticated"),
                    userAgent, ip);
        }

        public static Principal node(String node, String ip) {
            return new Principal("system:node:" + node, List.of("system:nodes", "system:authenticated"),
                    "kubelet/v1.30.2 (linux/amd64) kubernetes/3968350", ip);
        }
    }

    private static final Map<String, String> GROUP_VERSIONS = Map.ofEntries(
            Map.entry("deployments", "apps/v1"), Map.entry("daemonsets", "apps/v1"),
            Map.entry("statefulsets", "apps/v1"), Map.entry("replicasets", "apps/v1"),
            Map.entry("jobs", "batch/v1"), Map.entry("cronjobs", "batch/v1"),
            Map.entry("leases", "coordination.k8s.io/v1"),
            Map.entry("endpointslices", "discovery.k8s.io/v1"),
            Map.entry("ingresses", "networking.k8s.io/v1"),
            Map.entry("roles", "rbac.authorization.k8s.io/v1"), Map.entry("rolebindings", "rbac.authorization.k8s.io/v1"),
            Map.entry("clusterroles", "rbac.authorization.k8s.io/v1"),
            Map.entry("validatingwebhookconfigurations", "admissionregistration.k8s.io/v1"),
            Map.entry("mutatingwebhookconfigurations", "admissionregistration.k8s.io/v1"),
            Map.entry("selfsubjectaccessreviews", "authorization.k8s.io/v1"),
            Map.entry("certificates", "cert-manager.io/v1"),
            Map.entry("applications", "argoproj.io/v1alpha1"));

    private final Principal who;
    private final String verb;
    private final String resource;
    private String namespace;
    private String name;
    private String subresource;
    private String query = "";
    private JsonNode requestObject;
    private int code;

    public AuditRecord(Principal who, String verb, String resource) {
        this.who = who;
        this.verb = verb;
        this.resource = resource;
        this.code = verb.equals("create") ? 201 : 200;
    }

    public AuditRecord in(String namespace) {
        this.namespace = namespace;
        return this;
    }

    public AuditRecord named(String name) {
        this.name = name;
        return this;
    }

    public AuditRecord sub(String subresource) {
        this.subresource = subresource;
        return this;
    }

    /** The query string, already encoded as the client sent it. */
    public AuditRecord query(String query) {
        this.query = query;
        return this;
    }

    /** The request body; the audit level becomes Request. */
    public AuditRecord body(JsonNode requestObject) {
        this.requestObject = requestObject;
        return this;
    }

    public AuditRecord code(int code) {
        this.code = code;
        return this;
    }

    public String resource() {
        return resource;
    }

    /** The audit event at a stage, received at {@code received}, answered {@code millis} later. */
    public ObjectNode event(String stage, Instant received, long millis, UUID auditId) {
        ObjectNode e = JSON.createObjectNode();
        e.put("kind", "Event");
        e.put("apiVersion", "audit.k8s.io/v1");
        e.put("level", requestObject == null ? "Metadata" : "Request");
        e.put("auditID", auditId.toString());
        e.put("stage", stage);
        e.put("requestURI", uri());
        e.put("verb", verb);
        ObjectNode user = e.putObject("user");
        user.put("username", who.username());
        ArrayNode groups = user.putArray("groups");
        who.groups().forEach(groups::add);
        e.putArray("sourceIPs").add(who.sourceIp());
        e.put("userAgent", who.userAgent());
        if (!resource.startsWith("/")) {
            ObjectNode ref = e.putObject("objectRef");
            ref.put("resource", resource);
            if (namespace != null) ref.put("namespace", namespace);
            if (name != null) ref.put("name", name);
            String gv = GROUP_VERSIONS.getOrDefault(resource, "v1");
            int slash = gv.indexOf('/');
            if (slash > 0) ref.put("apiGroup", gv.substring(0, slash));
            ref.put("apiVersion", gv.substring(slash + 1));
            if (subresource != null) ref.put("subresource", subresource);
        }
        if (!stage.equals("RequestReceived")) {
            ObjectNode status = e.putObject("responseStatus");
            status.putObject("metadata");
            if (code >= 400) {
                status.put("status", "Failure");
                status.put("reason", code == 403 ? "Forbidden" : code == 404 ? "NotFound" : "Conflict");
            }
            status.put("code", code);
        }
        if (requestObject != null) e.set("requestObject", requestObject);
        e.put("requestReceivedTimestamp", time(received));
        e.put("stageTimestamp", time(received.plusMillis(stage.equals("RequestReceived") ? 0 : millis)));
        if (!stage.equals("RequestReceived")) {
            ObjectNode annotations = e.putObject("annotations");
            annotations.put("authorization.k8s.io/decision", code == 403 ? "forbid" : "allow");
            if (code != 403) annotations.put("authorization.k8s.io/reason", "RBAC: allowed by ClusterRoleBinding");
        }
        return e;
    }

    /** The path the API server routed, e.g. {@code /apis/apps/v1/namespaces/shop/deployments/cart}. */
    private String uri() {
        if (resource.startsWith("/")) return resource + (query.isEmpty() ? "" : "?" + query);
        String gv = GROUP_VERSIONS.getOrDefault(resource, "v1");
        StringBuilder uri = new StringBuilder(gv.contains("/") ? "/apis/" + gv : "/api/" + gv);
        if (namespace != null) uri.append("/namespaces/").append(namespace);
        uri.append('/').append(resource);
        boolean collection = verb.equals("create") || verb.equals("list") || verb.equals("watch")
                || verb.equals("deletecollection");
        if (name != null && (!collection || subresource != null)) uri.append('/').append(name);
        if (subresource != null) uri.append('/').append(subresource);
        if (!query.isEmpty()) uri.append('?').append(query);
        return uri.toString();
    }

    static String time(Instant instant) {
        return MICRO_TIME.format(instant);
    }

    /** A JSON object from alternating keys and values (maps, lists, strings, numbers, booleans, nodes). */
    static ObjectNode obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return JSON.valueToTree(map);
    }
}
