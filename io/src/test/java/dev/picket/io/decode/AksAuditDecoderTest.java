package dev.picket.io.decode;

import dev.picket.engine.event.Event;
import org.junit.jupiter.api.Test;

import static dev.picket.io.decode.Decoded.text;
import static org.assertj.core.api.Assertions.assertThat;

class AksAuditDecoderTest {
    private static final String LOG = AuditDecoderTest.V1.strip().replace("\\", "\\\\").replace("\"", "\\\"");
    private static final String RESOURCE_ID = "/SUBSCRIPTIONS/0B1F6471-1BF0-4DDA-AEC3-CB9272F09590/RESOURCEGROUPS/SHOP-RG"
            + "/PROVIDERS/MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS/SHOP-AKS";

    /** One diagnostic record as a storage account's PT1H.json line holds it. */
    static String record(String category, String log) {
        return "{\"time\":\"2026-03-10T09:19:08.1203770Z\",\"resourceId\":\"" + RESOURCE_ID + "\",\"category\":\"" + category
                + "\",\"operationName\":\"Microsoft.ContainerService/managedClusters/diagnosticLogs/Read\","
                + "\"properties\":{\"log\":\"" + log + "\",\"stream\":\"stdout\",\"pod\":\"kube-apiserver-6f8d9c7b5-k2x4q\"}}";
    }

    @Test
    void eventHubsMessageYieldsTheAuditEventOfEachRecordUnderTheResourceIdsCluster() {
        String message = "{\"records\":[" + record("kube-audit", LOG) + "," + record("kube-audit-admin", LOG) + "]}";
        Decoded d = Decoded.read(DecodeSettings.defaults(Decoded.CLOCK).withCluster("configured"), message);
        assertThat(d.errors).isEmpty();
        assertThat(d.summary.format()).isEqualTo(InputFormat.AKS);
        assertThat(d.events).hasSize(2);
        Event e = d.events.getFirst();
        assertThat(e.origin().cluster()).isEqualTo("shop-aks");
        assertThat(text(e, "verb")).isEqualTo("list");
        assertThat(text(e, "sourceIPs")).isEqualTo("203.0.113.45");
    }

    @Test
    void storageBlobLinesAreOneRecordEach() {
        Decoded d = Decoded.read(record("kube-audit", LOG) + "\n" + record("kube-audit", LOG) + "\n");
        assertThat(d.errors).isEmpty();
        assertThat(d.events).hasSize(2);
    }

    @Test
    void otherControlPlaneCategoriesAreSkipped() {
        String message = "{\"records\":[" + record("kube-apiserver", "I0310 09:19:08.120 1 trace.go:236] Trace") + ","
                + record("guard", "guard log") + "," + record("kube-audit", LOG) + "]}";
        Decoded d = Decoded.read(message);
        assertThat(d.errors).isEmpty();
        assertThat(d.events).hasSize(1);
        assertThat(d.summary.skipped()).isEqualTo(2);
    }

    @Test
    void aRecordWithoutItsLogIsReportedByIndexAndTheOthersStillRead() {
        String broken = record("kube-audit", LOG).replace("\"log\":", "\"message\":");
        Decoded d = Decoded.read("{\"records\":[" + broken + "," + record("kube-audit", LOG) + "]}");
        assertThat(d.events).hasSize(1);
        assertThat(d.errorTexts()).containsExactly("test.log:1: 'records[0].properties.log' is missing");
    }

    @Test
    void clusterIsTheManagedClusterSegmentLowerCased() {
        assertThat(AksAuditDecoder.cluster(RESOURCE_ID)).isEqualTo("shop-aks");
        assertThat(AksAuditDecoder.cluster("/subscriptions/x/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1")).isNull();
        assertThat(AksAuditDecoder.cluster(null)).isNull();
    }
}
