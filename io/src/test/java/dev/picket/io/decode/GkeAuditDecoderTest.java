package dev.picket.io.decode;

import dev.picket.engine.event.Event;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static dev.picket.io.decode.Decoded.text;
import static org.assertj.core.api.Assertions.assertThat;

class GkeAuditDecoderTest {
    /** A Data Access entry for kubectl creating a privileged pod, as a log sink writes it to Cloud Storage. */
    static final String POD_CREATE = """
            {"protoPayload":{"@type":"type.googleapis.com/google.cloud.audit.AuditLog",\
            "authenticationInfo":{"principalEmail":"alice@example.com"},\
            "authorizationInfo":[{"granted":true,"permission":"io.k8s.core.v1.pods.create","resource":"core/v1/namespaces/default/pods/toolbox"}],\
            "methodName":"io.k8s.core.v1.pods.create",\
            "request":{"@type":"core.k8s.io/v1.Pod","apiVersion":"v1","metadata":{"name":"toolbox","namespace":"default"},\
            "spec":{"containers":[{"name":"toolbox","image":"ubuntu:22.04","securityContext":{"privileged":true}}]}},\
            "requestMetadata":{"callerIp":"203.0.113.45","callerSuppliedUserAgent":"kubectl/v1.30.2 (linux/amd64) kubernetes/3968350"},\
            "resourceName":"core/v1/namespaces/default/pods/toolbox",\
            "response":{"@type":"core.k8s.io/v1.Pod","apiVersion":"v1","kind":"Pod","metadata":{"name":"toolbox","uid":"6513270e"}},\
            "serviceName":"k8s.io","status":{}},\
            "insertId":"0b5e4a2c-7d31-4f6e-9a8b-1c2d3e4f5a6b",\
            "resource":{"type":"k8s_cluster","labels":{"project_id":"shop-prod-4821","location":"europe-west1","cluster_name":"shop-gke"}},\
            "timestamp":"2026-03-10T09:19:08.120377Z","severity":"NOTICE",\
            "logName":"projects/shop-prod-4821/logs/cloudaudit.googleapis.com%2Factivity",\
            "operation":{"id":"5d9dc9f8-1818-4811-892f-902bd23f0824","producer":"k8s.io","first":true,"last":true},\
            "receiveTimestamp":"2026-03-10T09:19:09.511Z"}
            """;

    @Test
    void entryBecomesTheNativeEventFieldByField() {
        Decoded d = Decoded.read(DecodeSettings.defaults(Decoded.CLOCK).withCluster("configured"), POD_CREATE);
        Event e = d.only();
        assertThat(d.summary.format()).isEqualTo(InputFormat.GKE);
        assertThat(e.origin().cluster()).isEqualTo("shop-gke");
        assertThat(e.time()).isEqualTo(Instant.parse("2026-03-10T09:19:08.120377Z"));
        assertThat(text(e, "apiVersion")).isEqualTo("audit.k8s.io/v1");
        assertThat(text(e, "auditID")).isEqualTo("5d9dc9f8-1818-4811-892f-902bd23f0824");
        assertThat(text(e, "verb")).isEqualTo("create");
        assertThat(text(e, "user.username")).isEqualTo("alice@example.com");
        assertThat(text(e, "sourceIPs")).isEqualTo("203.0.113.45");
        assertThat(text(e, "userAgent")).startsWith("kubectl/v1.30.2");
        assertThat(text(e, "objectRef.resource")).isEqualTo("pods");
        assertThat(text(e, "objectRef.namespace")).isEqualTo("default");
        assertThat(text(e, "objectRef.name")).isEqualTo("toolbox");
        assertThat(text(e, "objectRef.apiGroup")).isNull();
        assertThat(text(e, "objectRef.apiVersion")).isEqualTo("v1");
        assertThat(text(e, "requestURI")).isEqualTo("/api/v1/namespaces/default/pods/toolbox");
        assertThat(text(e, "requestObject.kind")).isEqualTo("Pod");
        assertThat(text(e, "requestObject.@type")).isNull();
        assertThat(text(e, "requestObject.spec.containers.securityContext.privileged")).isEqualTo("true");
        assertThat(text(e, "responseObject.metadata.uid")).isEqualTo("6513270e");
        assertThat(text(e, "responseStatus.code")).isEqualTo("201");
        assertThat(text(e, "annotations.authorization.k8s.io/decision")).isEqualTo("allow");
        assertThat(text(e, "level")).isEqualTo("RequestResponse");
        assertThat(text(e, "stage")).isNull();
    }

    @Test
    void groupedClusterScopedResourceWithSubresourceAndDeniedStatus() {
        String entry = POD_CREATE
                .replace("\"methodName\":\"io.k8s.core.v1.pods.create\"", "\"methodName\":\"io.k8s.authorization.rbac.v1.clusterroles.escalate.update\"")
                .replace("\"resourceName\":\"core/v1/namespaces/default/pods/toolbox\"", "\"resourceName\":\"rbac.authorization.k8s.io/v1/clusterroles/admin/escalate\"")
                .replace("\"status\":{}", "\"status\":{\"code\":7,\"message\":\"Forbidden\"}")
                .replace("\"granted\":true", "\"granted\":false");
        Event e = Decoded.read(entry).only();
        assertThat(text(e, "verb")).isEqualTo("update");
        assertThat(text(e, "objectRef.apiGroup")).isEqualTo("rbac.authorization.k8s.io");
        assertThat(text(e, "objectRef.namespace")).isNull();
        assertThat(text(e, "objectRef.resource")).isEqualTo("clusterroles");
        assertThat(text(e, "objectRef.name")).isEqualTo("admin");
        assertThat(text(e, "objectRef.subresource")).isEqualTo("escalate");
        assertThat(text(e, "requestURI")).isEqualTo("/apis/rbac.authorization.k8s.io/v1/clusterroles/admin/escalate");
        assertThat(text(e, "responseStatus.code")).isEqualTo("403");
        assertThat(text(e, "responseStatus.message")).isEqualTo("Forbidden");
        assertThat(text(e, "annotations.authorization.k8s.io/decision")).isEqualTo("forbid");
    }

    @Test
    void namespaceItselfAndNamespacedListsAreTellApart() throws Exception {
        GkeAuditDecoder.ResourceName namespace = GkeAuditDecoder.ResourceName.parse("core/v1/namespaces/shop");
        assertThat(namespace.resource()).isEqualTo("namespaces");
        assertThat(namespace.name()).isEqualTo("shop");
        assertThat(namespace.namespace()).isNull();
        GkeAuditDecoder.ResourceName list = GkeAuditDecoder.ResourceName.parse("apps/v1/namespaces/shop/deployments");
        assertThat(list.namespace()).isEqualTo("shop");
        assertThat(list.resource()).isEqualTo("deployments");
        assertThat(list.name()).isNull();
    }

    @Test
    void pubSubPushDeliveryCarriesTheEntryInBase64() {
        String data = Base64.getEncoder().encodeToString(POD_CREATE.strip().getBytes(StandardCharsets.UTF_8));
        String push = "{\"message\":{\"data\":\"" + data + "\",\"messageId\":\"9876543210\",\"publishTime\":\"2026-03-10T09:19:10Z\"},"
                + "\"subscription\":\"projects/shop-prod-4821/subscriptions/picket-audit\"}";
        Event e = Decoded.read(push).only();
        assertThat(text(e, "objectRef.name")).isEqualTo("toolbox");
    }

    @Test
    void entriesOfOtherServicesAreSkipped() {
        String clusterOperation = POD_CREATE.replace("\"serviceName\":\"k8s.io\"", "\"serviceName\":\"container.googleapis.com\"");
        Decoded d = Decoded.read(clusterOperation + POD_CREATE);
        assertThat(d.errors).isEmpty();
        assertThat(d.events).hasSize(1);
        assertThat(d.summary.skipped()).isEqualTo(1);
    }

    @Test
    void unparsableResourceNameIsAnError() {
        Decoded d = Decoded.read(POD_CREATE.replace("\"resourceName\":\"core/v1/namespaces/default/pods/toolbox\"", "\"resourceName\":\"pods\""));
        assertThat(d.events).isEmpty();
        assertThat(d.errorTexts()).containsExactly(
                "test.log:1: 'protoPayload.resourceName' is not GROUP/VERSION/RESOURCE: \"pods\"");
    }

    @Test
    void rpcCodesBecomeTheHttpStatusTheApiServerAnswered() {
        assertThat(GkeAuditDecoder.httpStatus(0, "create")).isEqualTo(201);
        assertThat(GkeAuditDecoder.httpStatus(0, "delete")).isEqualTo(200);
        assertThat(GkeAuditDecoder.httpStatus(5, "get")).isEqualTo(404);
        assertThat(GkeAuditDecoder.httpStatus(16, "get")).isEqualTo(401);
    }
}
