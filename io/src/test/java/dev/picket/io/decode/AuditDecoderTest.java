package dev.picket.io.decode;

import dev.picket.engine.event.Event;
import dev.picket.engine.event.LogSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.picket.io.decode.Decoded.text;
import static org.assertj.core.api.Assertions.assertThat;

class AuditDecoderTest {
    /** A v1 event as the API server's log backend writes it. */
    static final String V1 = """
            {"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"5f0c2b4e-8a1d-4c3e-9b7a-2d6f1e0c8b3a",\
            "stage":"ResponseComplete","requestURI":"/api/v1/namespaces/shop/secrets?limit=500","verb":"list",\
            "user":{"username":"system:serviceaccount:shop:webapp","uid":"9d2e","groups":["system:serviceaccounts",\
            "system:serviceaccounts:shop","system:authenticated"],"extra":{"authentication.kubernetes.io/pod-name":\
            ["webapp-7d9c6b8f4-x2lqp"]}},"sourceIPs":["203.0.113.45"],"userAgent":"kubectl/v1.30.2 (linux/amd64) kubernetes/3968350",\
            "objectRef":{"resource":"secrets","namespace":"shop","apiVersion":"v1"},"responseStatus":{"metadata":{},"code":200},\
            "requestReceivedTimestamp":"2026-03-10T09:19:08.114501Z","stageTimestamp":"2026-03-10T09:19:08.120377Z",\
            "annotations":{"authorization.k8s.io/decision":"allow","authorization.k8s.io/reason":"RBAC: allowed by ClusterRoleBinding \\"webapp-ops\\""}}
            """;

    @Test
    void v1EventKeepsItsFieldsAndIsTimedAtItsStage() {
        Decoded d = Decoded.read(DecodeSettings.defaults(Decoded.CLOCK).withCluster("prod-eu-1"), V1);
        Event e = d.only();
        assertThat(d.summary.format()).isEqualTo(InputFormat.AUDIT);
        assertThat(e.logSource()).isEqualTo(LogSource.KUBERNETES_AUDIT);
        assertThat(e.time()).isEqualTo(Instant.parse("2026-03-10T09:19:08.120377Z"));
        assertThat(e.origin().cluster()).isEqualTo("prod-eu-1");
        assertThat(e.origin().source()).isEqualTo("test.log");
        assertThat(text(e, "objectRef.resource")).isEqualTo("secrets");
        assertThat(text(e, "user.groups")).isEqualTo("system:serviceaccounts");
        assertThat(text(e, "sourceIPs")).isEqualTo("203.0.113.45");
    }

    @Test
    void annotationAndExtraKeysWithDotsAndSlashesAreAddressable() {
        Event e = Decoded.read(V1).only();
        assertThat(text(e, "annotations.authorization.k8s.io/decision")).isEqualTo("allow");
        assertThat(text(e, "annotations.authorization.k8s.io/reason")).startsWith("RBAC: allowed");
        assertThat(text(e, "user.extra.authentication.kubernetes.io/pod-name")).isEqualTo("webapp-7d9c6b8f4-x2lqp");
        assertThat(text(e, "annotations.authorization.k8s.io")).isNull();
    }

    @Test
    void withoutStageTimestampTheRequestTimeIsUsed() {
        Event e = Decoded.read(V1.replace("\"stageTimestamp\":\"2026-03-10T09:19:08.120377Z\",", "")).only();
        assertThat(e.time()).isEqualTo(Instant.parse("2026-03-10T09:19:08.114501Z"));
    }

    @Test
    void v1beta1TimestampStandsInForRequestReceivedTimestamp() {
        String v1beta1 = """
                {"kind":"Event","apiVersion":"audit.k8s.io/v1beta1","metadata":{"creationTimestamp":"2019-06-01T10:00:00Z"},\
                "level":"Metadata","timestamp":"2019-06-01T10:00:00Z","auditID":"a1","stage":"ResponseComplete",\
                "requestURI":"/api/v1/namespaces/default/pods","verb":"create","user":{"username":"admin"},\
                "sourceIPs":["10.0.0.1"],"objectRef":{"resource":"pods","namespace":"default","apiVersion":"v1"}}
                """;
        Event e = Decoded.read(v1beta1).only();
        assertThat(e.time()).isEqualTo(Instant.parse("2019-06-01T10:00:00Z"));
        assertThat(text(e, "requestReceivedTimestamp")).isEqualTo("2019-06-01T10:00:00Z");
        assertThat(text(e, "objectRef.apiVersion")).isEqualTo("v1");
        assertThat(text(e, "objectRef.apiGroup")).isNull();
    }

    @Test
    void v1alpha1CombinedGroupVersionIsSplit() {
        String v1alpha1 = """
                {"kind":"Event","apiVersion":"audit.k8s.io/v1alpha1","timestamp":"2018-01-01T00:00:00Z","auditID":"a1",\
                "stage":"ResponseComplete","requestURI":"/apis/apps/v1/namespaces/x/deployments","verb":"create",\
                "objectRef":{"resource":"deployments","namespace":"x","apiVersion":"apps/v1"}}
                """;
        Event e = Decoded.read(v1alpha1).only();
        assertThat(text(e, "objectRef.apiGroup")).isEqualTo("apps");
        assertThat(text(e, "objectRef.apiVersion")).isEqualTo("v1");
    }

    @Test
    void eventWithoutApiVersionIsRecognisedByItsFields() {
        String old = """
                {"auditID":"a1","stage":"ResponseComplete","requestURI":"/api/v1/pods","verb":"list",\
                "requestReceivedTimestamp":"2026-03-10T09:00:00Z"}
                """;
        Decoded d = Decoded.read(old);
        assertThat(d.only().time()).isEqualTo(Instant.parse("2026-03-10T09:00:00Z"));
        assertThat(d.summary.format()).isEqualTo(InputFormat.AUDIT);
    }

    @Test
    void eventListItemsTakeTheListsApiVersion() {
        String list = "{\"kind\":\"EventList\",\"apiVersion\":\"audit.k8s.io/v1beta1\",\"items\":[{\"auditID\":\"a\","
                + "\"verb\":\"get\",\"requestURI\":\"/api\",\"timestamp\":\"2019-06-01T10:00:00Z\"}]}";
        Event e = Decoded.read(list).only();
        assertThat(text(e, "apiVersion")).isEqualTo("audit.k8s.io/v1beta1");
        assertThat(text(e, "requestReceivedTimestamp")).isEqualTo("2019-06-01T10:00:00Z");
    }

    @Test
    void objectOfAnotherKindIsAnError() {
        Decoded d = Decoded.read(DecodeSettings.defaults(Decoded.CLOCK).withFormat(InputFormat.AUDIT),
                "{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"x\"}}\n" + V1);
        assertThat(d.events).hasSize(1);
        assertThat(d.errorTexts()).containsExactly("test.log:1: not an audit event: kind \"Pod\"");
    }

    @Test
    void eventWithoutAnyTimeIsAnError() {
        Decoded d = Decoded.read("{\"apiVersion\":\"audit.k8s.io/v1\",\"kind\":\"Event\",\"auditID\":\"a\",\"verb\":\"get\"}");
        assertThat(d.events).isEmpty();
        assertThat(d.errorTexts()).containsExactly(
                "test.log:1: audit event has no stageTimestamp, requestReceivedTimestamp or timestamp");
    }

    @Test
    void unparsableTimeIsAnErrorNamingTheField() {
        Decoded d = Decoded.read(V1.replace("2026-03-10T09:19:08.120377Z", "10/03/2026 09:19"));
        assertThat(d.errorTexts()).containsExactly(
                "test.log:1: 'stageTimestamp' is not an RFC 3339 time: \"10/03/2026 09:19\"");
    }

    @Test
    void timeWithAnOffsetIsAccepted() {
        Event e = Decoded.read(V1.replace("2026-03-10T09:19:08.120377Z", "2026-03-10T10:19:08.120377+01:00")).only();
        assertThat(e.time()).isEqualTo(Instant.parse("2026-03-10T09:19:08.120377Z"));
    }
}
