package dev.picket.rules;

import dev.picket.engine.Engine;
import dev.picket.engine.alert.Alert;
import dev.picket.engine.alert.AlertFactory;
import dev.picket.engine.alert.Entity;
import dev.picket.io.decode.DecodeSettings;
import dev.picket.io.decode.InputReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Managed clusters' audit deliveries raise the same alerts as the native audit events they carry:
 * same rules, severities, ATT&CK labels and entities, with the cluster named by the record.
 */
class ManagedAuditAlertsTest {
    /** kubectl creating a privileged pod, and a binding of cluster-admin to a service account. */
    private static final String PRIVILEGED_POD = """
            {"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"RequestResponse","auditID":"5d9dc9f8-1818-4811-892f-902bd23f0824",\
            "stage":"ResponseComplete","requestURI":"/api/v1/namespaces/default/pods/toolbox","verb":"create",\
            "user":{"username":"alice@example.com"},"sourceIPs":["203.0.113.45"],"userAgent":"kubectl/v1.30.2 (linux/amd64) kubernetes/3968350",\
            "objectRef":{"resource":"pods","namespace":"default","name":"toolbox","apiVersion":"v1"},"responseStatus":{"code":201},\
            "requestObject":{"kind":"Pod","apiVersion":"v1","metadata":{"name":"toolbox","namespace":"default"},\
            "spec":{"containers":[{"name":"toolbox","image":"ubuntu:22.04","securityContext":{"privileged":true}}]}},\
            "requestReceivedTimestamp":"2026-03-10T09:19:08.120377Z","stageTimestamp":"2026-03-10T09:19:08.120377Z"}""";
    private static final String ADMIN_BINDING = """
            {"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"RequestResponse","auditID":"7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f",\
            "stage":"ResponseComplete","requestURI":"/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/ci-admin","verb":"create",\
            "user":{"username":"alice@example.com"},"sourceIPs":["203.0.113.45"],"userAgent":"kubectl/v1.30.2 (linux/amd64) kubernetes/3968350",\
            "objectRef":{"resource":"clusterrolebindings","name":"ci-admin","apiGroup":"rbac.authorization.k8s.io","apiVersion":"v1"},\
            "responseStatus":{"code":201},"requestObject":{"kind":"ClusterRoleBinding","apiVersion":"rbac.authorization.k8s.io/v1",\
            "metadata":{"name":"ci-admin"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"cluster-admin"},\
            "subjects":[{"kind":"ServiceAccount","name":"ci","namespace":"build"}]},\
            "requestReceivedTimestamp":"2026-03-10T09:20:11.500000Z","stageTimestamp":"2026-03-10T09:20:11.500000Z"}""";

    private static String escaped(String json) {
        return json.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String eks() {
        return "{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"123456789012\",\"logGroup\":\"/aws/eks/shop-eks/cluster\","
                + "\"logStream\":\"kube-apiserver-audit-9b5a1e7c0f3d2b6a8e4c1d7f9a0b3c5e\",\"subscriptionFilters\":[\"picket\"],"
                + "\"logEvents\":[{\"id\":\"1\",\"timestamp\":1773134348120,\"message\":\"" + escaped(PRIVILEGED_POD) + "\"},"
                + "{\"id\":\"2\",\"timestamp\":1773134411500,\"message\":\"" + escaped(ADMIN_BINDING) + "\"}]}";
    }

    private static String aks() {
        String record = "{\"time\":\"%s\",\"resourceId\":\"/SUBSCRIPTIONS/0B1F6471-1BF0-4DDA-AEC3-CB9272F09590/RESOURCEGROUPS/SHOP"
                + "/PROVIDERS/MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS/SHOP-AKS\",\"category\":\"kube-audit\","
                + "\"operationName\":\"Microsoft.ContainerService/managedClusters/diagnosticLogs/Read\","
                + "\"properties\":{\"log\":\"%s\",\"stream\":\"stdout\",\"pod\":\"kube-apiserver-6f8d9c7b5-k2x4q\"}}";
        return "{\"records\":[" + record.formatted("2026-03-10T09:19:08.1203770Z", escaped(PRIVILEGED_POD)) + ","
                + record.formatted("2026-03-10T09:20:11.5000000Z", escaped(ADMIN_BINDING)) + "]}";
    }

    private static String gke() {
        String entry = """
                {"protoPayload":{"@type":"type.googleapis.com/google.cloud.audit.AuditLog",\
                "authenticationInfo":{"principalEmail":"alice@example.com"},\
                "authorizationInfo":[{"granted":true,"permission":"%2$s","resource":"%3$s"}],"methodName":"%2$s","request":%4$s,\
                "requestMetadata":{"callerIp":"203.0.113.45","callerSuppliedUserAgent":"kubectl/v1.30.2 (linux/amd64) kubernetes/3968350"},\
                "resourceName":"%3$s","serviceName":"k8s.io","status":{}},"insertId":"%1$s",\
                "resource":{"type":"k8s_cluster","labels":{"project_id":"shop-4821","location":"europe-west1","cluster_name":"shop-gke"}},\
                "timestamp":"%5$s","severity":"NOTICE","logName":"projects/shop-4821/logs/cloudaudit.googleapis.com%%2Factivity",\
                "operation":{"id":"%1$s","producer":"k8s.io","first":true,"last":true}}""";
        return entry.formatted("5d9dc9f8-1818-4811-892f-902bd23f0824", "io.k8s.core.v1.pods.create",
                "core/v1/namespaces/default/pods/toolbox",
                "{\"@type\":\"core.k8s.io/v1.Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"toolbox\",\"namespace\":\"default\"},"
                        + "\"spec\":{\"containers\":[{\"name\":\"toolbox\",\"image\":\"ubuntu:22.04\",\"securityContext\":{\"privileged\":true}}]}}",
                "2026-03-10T09:19:08.120377Z") + "\n"
                + entry.formatted("7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f", "io.k8s.authorization.rbac.v1.clusterrolebindings.create",
                "rbac.authorization.k8s.io/v1/clusterrolebindings/ci-admin",
                "{\"@type\":\"rbac.authorization.k8s.io/v1.ClusterRoleBinding\",\"apiVersion\":\"rbac.authorization.k8s.io/v1\","
                        + "\"metadata\":{\"name\":\"ci-admin\"},\"roleRef\":{\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"ClusterRole\","
                        + "\"name\":\"cluster-admin\"},\"subjects\":[{\"kind\":\"ServiceAccount\",\"name\":\"ci\",\"namespace\":\"build\"}]}",
                "2026-03-10T09:20:11.500000Z") + "\n";
    }

    /** The alerts an input raises with the built-in rules, decoded as {@code picket detect} decodes a file. */
    private static List<Alert> alerts(String input) {
        Engine engine = new Engine(BuiltinRuleRun.RULES);
        AlertFactory factory = new AlertFactory("configured");
        List<Alert> alerts = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try {
            new InputReader(DecodeSettings.defaults(Clock.systemUTC())).read("input",
                    new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                    e -> engine.process(e, m -> alerts.add(factory.create(m))), error -> errors.add(error.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(errors).isEmpty();
        return alerts;
    }

    /** What an alert says, apart from the cluster and the evidence's own shape. */
    private record Finding(String rule, String severity, Object attack, Entity entity) {
        static Finding of(Alert a) {
            Entity e = a.entity();
            return new Finding(a.ruleId(), a.severity().toString(), a.attack(),
                    new Entity(null, e.namespace(), e.workload(), e.pod(), e.container(), e.image(), e.node(), e.user(), e.sourceIp()));
        }
    }

    private static final List<Alert> NATIVE = alerts(PRIVILEGED_POD + "\n" + ADMIN_BINDING + "\n");

    @Test
    void theNativeEventsRaiseAlerts() {
        assertThat(NATIVE).extracting(Alert::ruleId).contains("audit-privileged-container", "audit-cluster-admin-binding");
    }

    @Test
    void eksLogEventsRaiseTheSameAlertsUnderTheLogGroupsCluster() {
        List<Alert> eks = alerts(eks());
        assertThat(eks).map(Finding::of).isEqualTo(NATIVE.stream().map(Finding::of).toList());
        assertThat(eks).allSatisfy(a -> assertThat(a.entity().cluster()).isEqualTo("shop-eks"));
    }

    @Test
    void aksRecordsRaiseTheSameAlertsUnderTheResourceIdsCluster() {
        List<Alert> aks = alerts(aks());
        assertThat(aks).map(Finding::of).isEqualTo(NATIVE.stream().map(Finding::of).toList());
        assertThat(aks).allSatisfy(a -> assertThat(a.entity().cluster()).isEqualTo("shop-aks"));
    }

    @Test
    void gkeAuditLogEntriesRaiseTheSameAlertsUnderTheClusterNameLabel() {
        List<Alert> gke = alerts(gke());
        assertThat(gke).map(Finding::of).isEqualTo(NATIVE.stream().map(Finding::of).toList());
        assertThat(gke).allSatisfy(a -> assertThat(a.entity().cluster()).isEqualTo("shop-gke"));
    }

    @Test
    void aGkeEntryWhoseRequestWasDeniedRaisesNothing() {
        String denied = gke().lines().findFirst().orElseThrow().replace("\"status\":{}", "\"status\":{\"code\":7,\"message\":\"Forbidden\"}");
        assertThat(alerts(denied)).extracting(Alert::ruleId).doesNotContain("audit-privileged-container");
    }
}
