package dev.picket.server.ingest;

import dev.picket.engine.event.FieldPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /v1/audit} takes managed clusters' audit deliveries as a log forwarder pushes them. */
class ManagedAuditIngestTest {
    private final InputDecoder decoder = new InputDecoder("configured", 1 << 20, Clock.systemUTC());

    private static final String AUDIT_LOG = "{\\\"kind\\\":\\\"Event\\\",\\\"apiVersion\\\":\\\"audit.k8s.io/v1\\\","
            + "\\\"auditID\\\":\\\"a-1\\\",\\\"verb\\\":\\\"delete\\\",\\\"requestURI\\\":\\\"/api/v1/namespaces/shop/pods/x\\\","
            + "\\\"objectRef\\\":{\\\"resource\\\":\\\"pods\\\",\\\"namespace\\\":\\\"shop\\\",\\\"name\\\":\\\"x\\\"},"
            + "\\\"stageTimestamp\\\":\\\"2026-11-02T10:00:00.100000Z\\\"}";

    private DecodedBatch post(String body) {
        return decoder.decode(Source.AUDIT, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aksEventHubsBatchIsAcceptedUnderTheClusterItNames() {
        DecodedBatch batch = post("{\"records\":[{\"category\":\"kube-audit\",\"resourceId\":"
                + "\"/SUBSCRIPTIONS/S/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS/SHOP\","
                + "\"properties\":{\"log\":\"" + AUDIT_LOG + "\"}}]}");
        assertThat(batch.errors()).isEmpty();
        assertThat(batch.events()).singleElement().satisfies(e -> {
            assertThat(e.origin().cluster()).isEqualTo("shop");
            assertThat(e.text(FieldPath.of("verb"))).isEqualTo("delete");
        });
    }

    @Test
    void eksDataMessageWithoutAnEksLogGroupTakesTheConfiguredCluster() {
        DecodedBatch batch = post("{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"copied-audit\",\"logStream\":"
                + "\"kube-apiserver-audit-1\",\"logEvents\":[{\"id\":\"1\",\"timestamp\":1,\"message\":\"" + AUDIT_LOG + "\"}]}");
        assertThat(batch.errors()).isEmpty();
        assertThat(batch.events()).singleElement().satisfies(e -> assertThat(e.origin().cluster()).isEqualTo("configured"));
    }

    @Test
    void aBatchThatIsNoAuditDeliveryIsStillRefusedLineByLine() {
        DecodedBatch batch = post("{\"records\":[{\"category\":\"kube-audit\",\"properties\":{}}]}\n"
                + "{\"time\":\"2026-11-02T10:00:00Z\",\"category\":\"process_creation\",\"Image\":\"/bin/sh\"}\n");
        assertThat(batch.events()).isEmpty();
        assertThat(batch.errors()).containsExactly("audit:1: 'records[0].properties.log' is missing",
                "audit:2: audit event has no stageTimestamp, requestReceivedTimestamp or timestamp");
    }
}
