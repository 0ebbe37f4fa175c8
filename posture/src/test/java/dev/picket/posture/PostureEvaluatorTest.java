package dev.picket.posture;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.alert.AlertFactory;
import dev.picket.engine.sigma.RuleSet;
import dev.picket.rules.BuiltinRules;
import dev.picket.rules.RuleSources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class PostureEvaluatorTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static PostureEvaluator evaluator;

    @BeforeAll
    static void rules() throws Exception {
        RuleSet rules = new RuleSources(BuiltinRules.load()).addBuiltin().build();
        evaluator = new PostureEvaluator(rules, new AlertFactory("test"));
    }

    private static List<Finding> scan(String text) {
        List<KubeObject> objects = new ArrayList<>();
        List<ManifestError> errors = new ArrayList<>();
        ManifestReader.read("m.yaml", text, objects::add, errors::add);
        assertThat(errors).isEmpty();
        List<Finding> out = new ArrayList<>();
        objects.forEach(o -> out.addAll(evaluator.evaluate(o, "scan", ObjectEvent.scanUser(), NOW)));
        return out;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PostureEvaluatorTest.class.getResourceAsStream("/manifests/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void a_helm_chart_gives_the_expected_findings_with_object_container_and_field_path() throws IOException {
        List<Finding> findings = scan(resource("helm-wordpress.yaml"));

        assertThat(findings).extracting(f -> f.alert().ruleId(), f -> f.object().reference(), Finding::firstContainer, Finding::firstField)
                .containsExactlyInAnyOrder(
                        tuple("audit-privileged-container", "Deployment/blog/blog-wordpress", "metrics",
                                "spec.template.spec.containers[1].securityContext.privileged"),
                        tuple("posture-untrusted-or-unsigned-images", "Deployment/blog/blog-wordpress", "wordpress",
                                "spec.template.spec.containers[0].image"),
                        tuple("audit-sensitive-hostpath-mount", "CronJob/blog/blog-backup", null,
                                "spec.jobTemplate.spec.template.spec.volumes[0].hostPath.path"));
    }

    @Test
    void every_offending_container_is_located_not_only_the_first() throws IOException {
        Finding images = scan(resource("helm-wordpress.yaml")).stream()
                .filter(f -> f.alert().ruleId().equals("posture-untrusted-or-unsigned-images")).findFirst().orElseThrow();
        assertThat(images.locations()).extracting(Location::container, l -> l.fields().get(0)).containsExactly(
                tuple("wordpress", "spec.template.spec.containers[0].image"),
                tuple("metrics", "spec.template.spec.containers[1].image"),
                tuple("prepare-base-dir", "spec.template.spec.initContainers[0].image"));
    }

    @Test
    void the_finding_block_names_object_source_and_locations_and_the_alert_names_the_container() throws IOException {
        Finding privileged = scan(resource("helm-wordpress.yaml")).stream()
                .filter(f -> f.alert().ruleId().equals("audit-privileged-container")).findFirst().orElseThrow();
        ObjectNode json = privileged.json();
        assertThat(json.at("/finding/object/kind").asText()).isEqualTo("Deployment");
        assertThat(json.at("/finding/object/namespace").asText()).isEqualTo("blog");
        assertThat(json.at("/finding/source").asText()).isEqualTo("m.yaml:35");
        assertThat(json.at("/finding/locations/0/fields/0").asText()).isEqualTo("spec.template.spec.containers[1].securityContext.privileged");
        assertThat(json.at("/entity/container").asText()).isEqualTo("metrics");
        assertThat(json.at("/rule/id").asText()).isEqualTo("audit-privileged-container");
        assertThat(json.at("/attack/techniques").toString()).contains("T1611");
        assertThat(json.has("finding") && !json.at("/finding").has("exemption")).isTrue();
    }

    @Test
    void clean_workloads_stay_clean() {
        assertThat(scan("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: api, namespace: shop}
                spec:
                  selector: {matchLabels: {app: api}}
                  template:
                    metadata: {labels: {app: api}}
                    spec:
                      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
                      containers:
                        - name: api
                          image: ghcr.io/example/api@sha256:0d4f4a389a55b4c1e7f0c2d3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3
                          securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
                          resources: {limits: {cpu: 500m, memory: 256Mi}}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: api-reader, namespace: shop}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: config-reader}
                subjects: [{kind: ServiceAccount, name: api, namespace: shop}]
                """)).isEmpty();
    }

    @Test
    void a_credential_in_a_manifest_is_found_but_never_repeated_in_the_finding() {
        List<Finding> findings = scan("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: tls-material, namespace: shop}
                data:
                  server.key: |
                    -----BEGIN PRIVATE KEY-----
                    MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj
                    -----END PRIVATE KEY-----
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: orders, namespace: shop}
                spec:
                  template:
                    spec:
                      containers:
                        - name: orders
                          image: registry.example.com/orders@sha256:0d4f4a389a55b4c1e7f0c2d3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3
                          securityContext: {runAsNonRoot: true}
                          resources: {limits: {cpu: 100m}}
                          env:
                            - {name: DB_URL, value: "host=db user=orders password=Sup3rS3cret! sslmode=require"}
                """);
        assertThat(findings).extracting(Finding::ruleId, Finding::firstField).containsExactlyInAnyOrder(
                tuple("posture-credentials-in-workload-config", "data.server.key"),
                tuple("posture-credentials-in-workload-config", "spec.template.spec.containers[0].env[0].value"));
        assertThat(findings).allSatisfy(f -> assertThat(f.json().toString())
                .doesNotContain("Sup3rS3cret!", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj"));
    }

    @Test
    void a_rule_that_fires_on_an_absence_has_a_finding_without_a_field_path() {
        List<Finding> findings = scan("""
                apiVersion: v1
                kind: Pod
                metadata: {name: batch, namespace: data}
                spec:
                  containers:
                    - name: worker
                      image: registry.example.com/worker@sha256:0d4f4a389a55b4c1e7f0c2d3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3
                      securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false}
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.alert().ruleId()).isEqualTo("posture-workload-hardening-baseline");
            assertThat(f.firstField()).isEqualTo("-");
        });
    }

    @Test
    void a_finding_that_needs_several_fields_names_them_all() {
        List<Finding> findings = scan("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: ci-deployer}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
                subjects: [{kind: ServiceAccount, name: deployer, namespace: ci}]
                """);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.alert().ruleId()).isEqualTo("audit-cluster-admin-binding");
            assertThat(f.locations()).singleElement().extracting(Location::fields).asList()
                    .containsExactly("roleRef.kind", "roleRef.name");
        });
    }

    @Test
    void an_exemption_annotation_with_a_reason_marks_the_finding_justified_and_an_empty_one_does_not() {
        String pod = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: node-debug
                  namespace: ops
                  annotations:
                    exempt.posture.picket.dev/audit-privileged-container: %s
                spec:
                  containers:
                    - name: debug
                      image: registry.example.com/debug@sha256:0d4f4a389a55b4c1e7f0c2d3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3
                      securityContext: {privileged: true, runAsNonRoot: true}
                      resources: {limits: {cpu: 100m}}
                """;
        assertThat(scan(pod.formatted("'break-glass node debugging, ticket OPS-112'")))
                .filteredOn(f -> f.alert().ruleId().equals("audit-privileged-container"))
                .singleElement().extracting(Finding::exemption).isEqualTo("break-glass node debugging, ticket OPS-112");
        assertThat(scan(pod.formatted("''")))
                .filteredOn(f -> f.alert().ruleId().equals("audit-privileged-container"))
                .singleElement().extracting(Finding::exempted).isEqualTo(false);
    }
}
