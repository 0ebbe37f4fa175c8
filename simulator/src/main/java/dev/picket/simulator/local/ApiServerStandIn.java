package dev.picket.simulator.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.picket.simulator.ingest.EventSink;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The Kubernetes API server as the victim sees it. It answers {@code SelfSubjectAccessReview}s for the
 * victim's service account (denied: the account may do nothing) and writes, for every request it
 * actually receives, the {@code audit.k8s.io/v1} event a real API server's audit log would hold at
 * level {@code Metadata}: the caller as authenticated from its bearer token, its address, the user
 * agent it sent, the verb and resource, and the response code.
 */
final class ApiServerStandIn implements HttpHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SSAR_PATH = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

    private final Victim victim;
    private final byte[] token;
    private final String victimAddress;
    private final EventSink audit;
    private final String podUid = UUID.randomUUID().toString();

    ApiServerStandIn(Victim victim, String token, String victimAddress, EventSink audit) {
        this.victim = victim;
        this.token = token.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        this.victimAddress = victimAddress;
        this.audit = audit;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Instant received = Instant.now();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        boolean authenticated = authenticated(exchange.getRequestHeaders().getFirst("Authorization"));
        boolean review = path.equals(SSAR_PATH) && exchange.getRequestMethod().equals("POST");
        int status;
        String response;
        if (!authenticated) {
            status = 401;
            response = status("Unauthorized", 401);
        } else if (review) {
            status = 201;
            response = review(body);
        } else {
            status = 404;
            response = status("the server could not find the requested resource", 404);
        }
        ObjectNode event = event(exchange, received, authenticated, review, status);
        StandIns.respond(exchange, status, "application/json", response);
        try {
            audit.accept(EventSink.Telemetry.AUDIT, event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean authenticated(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) return false;
        byte[] presented = authorization.substring("Bearer ".length()).strip().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, token);
    }

    private ObjectNode event(HttpExchange exchange, Instant received, boolean authenticated, boolean review, int status) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode e = f.objectNode();
        e.put("kind", "Event").put("apiVersion", "audit.k8s.io/v1").put("level", "Metadata")
                .put("auditID", UUID.randomUUID().toString()).put("stage", "ResponseComplete")
                .put("requestURI", exchange.getRequestURI().toString())
                .put("verb", verb(exchange.getRequestMethod()));
        ObjectNode user = e.putObject("user");
        if (authenticated) {
            String ns = victim.namespace();
            user.put("username", "system:serviceaccount:" + ns + ":" + victim.serviceAccount());
            user.put("uid", UUID.nameUUIDFromBytes((ns + "/" + victim.serviceAccount()).getBytes()).toString());
            user.putArray("groups").add("system:serviceaccounts").add("system:serviceaccounts:" + ns).add("system:authenticated");
            ObjectNode extra = user.putObject("extra");
            extra.putArray("authentication.kubernetes.io/pod-name").add(victim.pod());
            extra.putArray("authentication.kubernetes.io/pod-uid").add(podUid);
        }
        e.putArray("sourceIPs").add(victimAddress);
        String agent = exchange.getRequestHeaders().getFirst("User-Agent");
        if (agent != null) e.put("userAgent", agent);
        if (review) {
            e.putObject("objectRef").put("resource", "selfsubjectaccessreviews").put("apiGroup", "authorization.k8s.io")
                    .put("apiVersion", "v1");
        }
        e.putObject("responseStatus").put("code", status);
        e.put("requestReceivedTimestamp", received.truncatedTo(ChronoUnit.MICROS).toString());
        e.put("stageTimestamp", Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
        if (authenticated) {
            e.putObject("annotations").put("authorization.k8s.io/decision", "allow")
                    .put("authorization.k8s.io/reason", "RBAC: allowed by ClusterRoleBinding \"system:basic-user\" of ClusterRole "
                            + "\"system:basic-user\" to Group \"system:authenticated\"");
        }
        return e;
    }

    private static String verb(String method) {
        return switch (method) {
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> "delete";
            default -> "get";
        };
    }

    /** The review echoed back with its answer: not allowed, as RBAC gives the victim's account nothing. */
    private static String review(byte[] body) throws IOException {
        ObjectNode answer;
        try {
            JsonNode parsed = JSON.readTree(body);
            answer = parsed instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
        } catch (IOException badJson) {
            answer = JsonNodeFactory.instance.objectNode();
        }
        answer.put("kind", "SelfSubjectAccessReview").put("apiVersion", "authorization.k8s.io/v1");
        answer.putObject("status").put("allowed", false);
        return JSON.writeValueAsString(answer);
    }

    private static String status(String message, int code) {
        return JsonNodeFactory.instance.objectNode().put("kind", "Status").put("apiVersion", "v1").put("status", "Failure")
                .put("message", message).put("code", code).toString();
    }
}
