package dev.picket.posture;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.FieldPath;
import dev.picket.engine.event.LogSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ObjectEventTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Event event(String json) throws Exception {
        return ObjectEvent.of(new KubeObject((ObjectNode) JSON.readTree(json), "m.yaml", 3), "scan",
                ObjectEvent.scanUser(), Instant.parse("2026-12-07T10:00:00Z"));
    }

    @Test
    void an_object_becomes_the_audit_event_of_its_creation() throws Exception {
        Event e = event("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"api\",\"namespace\":\"shop\"}}");
        assertThat(e.logSource()).isEqualTo(LogSource.KUBERNETES_AUDIT);
        assertThat(e.text(FieldPath.of("verb"))).isEqualTo("create");
        assertThat(e.text(FieldPath.of("objectRef.resource"))).isEqualTo("deployments");
        assertThat(e.text(FieldPath.of("objectRef.apiGroup"))).isEqualTo("apps");
        assertThat(e.text(FieldPath.of("objectRef.namespace"))).isEqualTo("shop");
        assertThat(e.text(FieldPath.of("requestURI"))).isEqualTo("/apis/apps/v1/namespaces/shop/deployments");
        assertThat(e.text(FieldPath.of("requestObject.metadata.name"))).isEqualTo("api");
        assertThat(e.text(FieldPath.of("responseStatus.code"))).isEqualTo("201");
        assertThat(e.text(FieldPath.of("user.username"))).isEqualTo("picket-scan");
        assertThat(e.text(FieldPath.of("annotations.posture.picket.dev/evaluation"))).isEqualTo("scan");
    }

    @Test
    void core_and_cluster_scoped_objects_have_no_group_and_no_namespace() throws Exception {
        Event e = event("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"shop\"}}");
        assertThat(e.text(FieldPath.of("objectRef.apiGroup"))).isNull();
        assertThat(e.text(FieldPath.of("objectRef.namespace"))).isNull();
        assertThat(e.text(FieldPath.of("requestURI"))).isEqualTo("/api/v1/namespaces");
    }

    @Test
    void resources_are_named_as_the_api_server_names_them() {
        assertThat(ObjectEvent.resource("Pod")).isEqualTo("pods");
        assertThat(ObjectEvent.resource("Ingress")).isEqualTo("ingresses");
        assertThat(ObjectEvent.resource("NetworkPolicy")).isEqualTo("networkpolicies");
        assertThat(ObjectEvent.resource("Gateway")).isEqualTo("gateways");
        assertThat(ObjectEvent.resource("Endpoints")).isEqualTo("endpoints");
        assertThat(ObjectEvent.resource("ValidatingWebhookConfiguration")).isEqualTo("validatingwebhookconfigurations");
    }

    @Test
    void the_same_object_from_the_same_place_keeps_its_audit_id_so_alert_ids_are_stable() throws Exception {
        String d = "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"a\",\"namespace\":\"x\"}}";
        assertThat(event(d).text(FieldPath.of("auditID"))).isEqualTo(event(d).text(FieldPath.of("auditID")));
    }
}
