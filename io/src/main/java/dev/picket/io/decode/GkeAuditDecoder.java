package dev.picket.io.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Google GKE Kubernetes audit logs: Cloud Logging {@code LogEntry}s whose {@code protoPayload} is a
 * {@code type.googleapis.com/google.cloud.audit.AuditLog} with {@code serviceName} {@code k8s.io}, as a
 * log sink writes them (JSON lines in Cloud Storage) or as a Pub/Sub push subscription delivers
 * them ({@code {"message":{"data":"<base64 LogEntry>"}}}). Each entry becomes the native
 * {@code audit.k8s.io/v1} event it was made from, field by field:
 *
 * <table>
 *   <tr><th>Cloud Audit Log</th><th>audit.k8s.io/v1</th></tr>
 *   <tr><td>{@code methodName} {@code io.k8s.core.v1.pods.create}, last segment</td><td>{@code verb}</td></tr>
 *   <tr><td>{@code resourceName} {@code core/v1/namespaces/NS/pods/NAME/exec}</td>
 *       <td>{@code objectRef.apiGroup} (empty for core), {@code apiVersion}, {@code namespace}, {@code resource},
 *       {@code name}, {@code subresource}; and {@code requestURI} rebuilt from them</td></tr>
 *   <tr><td>{@code authenticationInfo.principalEmail}</td><td>{@code user.username}</td></tr>
 *   <tr><td>{@code requestMetadata.callerIp}</td><td>{@code sourceIPs[0]}</td></tr>
 *   <tr><td>{@code requestMetadata.callerSuppliedUserAgent}</td><td>{@code userAgent}</td></tr>
 *   <tr><td>{@code request}, {@code response} (without their {@code @type})</td><td>{@code requestObject}, {@code responseObject}</td></tr>
 *   <tr><td>{@code status.code} (google.rpc.Code), {@code status.message}</td>
 *       <td>{@code responseStatus.code} as HTTP (0 is 201 for create, else 200), {@code responseStatus.message}</td></tr>
 *   <tr><td>{@code authorizationInfo[].granted}</td><td>annotation {@code authorization.k8s.io/decision} allow / forbid</td></tr>
 *   <tr><td>{@code operation.id}, else {@code insertId}</td><td>{@code auditID}</td></tr>
 *   <tr><td>{@code timestamp}</td><td>{@code requestReceivedTimestamp} and {@code stageTimestamp}</td></tr>
 *   <tr><td>{@code resource.labels.cluster_name}</td><td>the event's cluster</td></tr>
 * </table>
 *
 * <p>What cannot be mapped: the user's {@code groups}, {@code uid} and {@code extra} (the entry names
 * the principal only, so rules on groups such as {@code system:masters} do not see them); the
 * request's query string (the rebuilt {@code requestURI} has none); the audit {@code stage} (Cloud
 * Logging keeps one entry per request, so the event carries no stage and is judged as it is);
 * {@code level}, set to {@code RequestResponse} when a request or response body is present and
 * {@code Metadata} otherwise; impersonation ({@code impersonatedUser}); and the annotations other
 * than the authorization decision. Entries of other services (cluster operations by
 * {@code container.googleapis.com}) are skipped.
 */
final class GkeAuditDecoder implements ManagedAuditDecoder {
    static final String AUDIT_LOG_TYPE = "type.googleapis.com/google.cloud.audit.AuditLog";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Payloads payloads;

    GkeAuditDecoder(Payloads payloads) {
        this.payloads = payloads;
    }

    static boolean looksLikeGke(JsonNode node) {
        if (Fields.object(node, "message") != null && Fields.text(node.get("message"), "data") != null) return true;
        JsonNode payload = Fields.object(node, "protoPayload");
        return payload != null && AUDIT_LOG_TYPE.equals(Fields.text(payload, "@type"));
    }

    @Override
    public void unwrap(JsonRecord record, Sink sink) throws DecodeException {
        ObjectNode entry = record.node();
        JsonNode pushed = Fields.object(entry, "message");
        if (pushed != null && entry.get("protoPayload") == null) {
            String data = Fields.text(pushed, "data");
            if (data == null) throw new DecodeException("'message.data' is missing");
            entry = payloads.base64Json(data, "'message.data'");
        }
        JsonNode payload = Fields.object(entry, "protoPayload");
        if (payload == null) throw new DecodeException("'protoPayload' is missing");
        if (!AUDIT_LOG_TYPE.equals(Fields.text(payload, "@type"))) {
            throw new DecodeException("'protoPayload' is not an AuditLog: @type " + Fields.quote(String.valueOf(Fields.text(payload, "@type"))));
        }
        if (!"k8s.io".equals(Fields.text(payload, "serviceName"))) {
            sink.skip();
            return;
        }
        sink.event(toAuditEvent(entry, payload), Fields.text(Fields.object(entry, "resource", "labels"), "cluster_name"));
    }

    private static ObjectNode toAuditEvent(ObjectNode entry, JsonNode payload) throws DecodeException {
        String method = Fields.text(payload, "methodName");
        if (method == null) throw new DecodeException("'protoPayload.methodName' is missing");
        String verb = method.substring(method.lastIndexOf('.') + 1);
        String timestamp = Fields.text(entry, "timestamp");
        if (timestamp == null) throw new DecodeException("'timestamp' is missing");

        ObjectNode event = NODES.objectNode();
        event.put("kind", "Event");
        event.put("apiVersion", "audit.k8s.io/v1");
        boolean bodies = payload.get("request") != null || payload.get("response") != null;
        event.put("level", bodies ? "RequestResponse" : "Metadata");
        String operation = Fields.text(Fields.object(entry, "operation"), "id");
        event.put("auditID", operation != null ? operation : Fields.text(entry, "insertId"));
        event.put("verb", verb);
        ResourceName.parse(Fields.text(payload, "resourceName")).writeTo(event);
        String principal = Fields.text(Fields.object(payload, "authenticationInfo"), "principalEmail");
        if (principal != null) event.putObject("user").put("username", principal);
        JsonNode metadata = Fields.object(payload, "requestMetadata");
        String ip = Fields.text(metadata, "callerIp");
        if (ip != null) event.putArray("sourceIPs").add(ip);
        String agent = Fields.text(metadata, "callerSuppliedUserAgent");
        if (agent != null) event.put("userAgent", agent);
        body(payload, "request", event, "requestObject");
        body(payload, "response", event, "responseObject");
        JsonNode status = Fields.object(payload, "status");
        ObjectNode responseStatus = event.putObject("responseStatus");
        responseStatus.put("code", httpStatus(status == null ? 0 : status.path("code").asInt(0), verb));
        String message = Fields.text(status, "message");
        if (message != null) responseStatus.put("message", message);
        decision(payload.get("authorizationInfo"), event);
        event.put("requestReceivedTimestamp", timestamp);
        event.put("stageTimestamp", timestamp);
        return event;
    }

    /** The request or response object; its protobuf {@code @type} ({@code core.k8s.io/v1.Pod}) fills a missing kind. */
    private static void body(JsonNode payload, String field, ObjectNode event, String target) {
        if (!(payload.get(field) instanceof ObjectNode original)) return;
        ObjectNode body = original.deepCopy();
        String type = Fields.text(body, "@type");
        body.remove("@type");
        int dot = type == null ? -1 : type.lastIndexOf('.');
        if (dot > 0 && body.get("kind") == null) body.put("kind", type.substring(dot + 1));
        event.set(target, body);
    }

    private static void decision(JsonNode authorizations, ObjectNode event) {
        if (authorizations == null || !authorizations.isArray() || authorizations.isEmpty()) return;
        boolean granted = true;
        for (JsonNode one : authorizations) granted &= one.path("granted").asBoolean(false);
        event.putObject("annotations").put("authorization.k8s.io/decision", granted ? "allow" : "forbid");
    }

    /** The HTTP status the API server answered, from the google.rpc.Code Cloud Logging records. */
    static int httpStatus(int rpcCode, String verb) {
        return switch (rpcCode) {
            case 0 -> verb.equals("create") ? 201 : 200;
            case 1 -> 499;
            case 3, 9, 11 -> 400;
            case 4 -> 504;
            case 5 -> 404;
            case 6, 10 -> 409;
            case 7 -> 403;
            case 8 -> 429;
            case 12 -> 501;
            case 14 -> 503;
            case 16 -> 401;
            default -> 500;
        };
    }

    /**
     * A GKE {@code resourceName}: {@code GROUP/VERSION[/namespaces/NS]/RESOURCE[/NAME[/SUBRESOURCE]]},
     * with group {@code core} for the core API; or a non-resource path ({@code /healthz}).
     */
    record ResourceName(String group, String version, String namespace, String resource, String name,
                        String subresource, String path) {
        static ResourceName parse(String text) throws DecodeException {
            if (text == null) throw new DecodeException("'protoPayload.resourceName' is missing");
            if (text.startsWith("/")) return new ResourceName(null, null, null, null, null, null, text);
            String[] s = text.split("/", -1);
            if (s.length < 3) throw new DecodeException("'protoPayload.resourceName' is not GROUP/VERSION/RESOURCE: " + Fields.quote(text));
            int at = 2;
            String namespace = null;
            if (s[at].equals("namespaces") && s.length >= at + 3) {
                namespace = s[at + 1];
                at += 2;
            }
            String resource = s[at];
            String name = s.length > at + 1 ? s[at + 1] : null;
            String subresource = s.length > at + 2 ? s[at + 2] : null;
            if (s.length > at + 3) throw new DecodeException("'protoPayload.resourceName' has too many segments: " + Fields.quote(text));
            String group = s[0].equals("core") ? "" : s[0];
            return new ResourceName(group, s[1], namespace, resource, name, subresource, null);
        }

        void writeTo(ObjectNode event) {
            if (path != null) {
                event.put("requestURI", path);
                return;
            }
            ObjectNode ref = event.putObject("objectRef");
            ref.put("resource", resource);
            if (namespace != null) ref.put("namespace", namespace);
            if (name != null) ref.put("name", name);
            if (!group.isEmpty()) ref.put("apiGroup", group);
            ref.put("apiVersion", version);
            if (subresource != null) ref.put("subresource", subresource);
            StringBuilder uri = new StringBuilder(group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version);
            if (namespace != null) uri.append("/namespaces/").append(namespace);
            uri.append('/').append(resource);
            if (name != null) uri.append('/').append(name);
            if (subresource != null) uri.append('/').append(subresource);
            event.put("requestURI", uri.toString());
        }
    }
}
