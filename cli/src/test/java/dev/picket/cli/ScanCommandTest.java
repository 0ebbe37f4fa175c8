package dev.picket.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scan command over files and over fabric8's mock API server in CRUD mode (no real cluster here). */
@EnableKubernetesMockClient(crud = true)
class ScanCommandTest {
    static KubernetesClient client;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PRIVILEGED_DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: agent, namespace: shop}
            spec:
              selector: {matchLabels: {app: agent}}
              template:
                metadata: {labels: {app: agent}}
                spec:
                  containers:
                    - name: agent
                      image: registry.example.com/agent@sha256:0d4f4a389a55b4c1e7f0c2d3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3
                      securityContext: {privileged: true, runAsNonRoot: true}
                      resources: {limits: {cpu: 100m}}
            """;

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = Picket.commandLine(new ByteArrayInputStream(new byte[0]));
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    private List<JsonNode> alerts() throws IOException {
        List<JsonNode> list = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) list.add(JSON.readTree(line));
        }
        return list;
    }

    @Test
    void findings_at_or_above_fail_on_exit_1_and_below_exit_0() throws IOException {
        Path f = Files.writeString(dir.resolve("d.yaml"), PRIVILEGED_DEPLOYMENT);
        assertThat(run("scan", "--fail-on", "medium", f.toString())).isEqualTo(1);
        assertThat(alerts()).extracting(a -> a.at("/rule/id").asText()).containsExactly("audit-privileged-container");
        assertThat(alerts().get(0).at("/finding/locations/0/fields/0").asText())
                .isEqualTo("spec.template.spec.containers[0].securityContext.privileged");
        assertThat(run("scan", "--fail-on", "high", f.toString())).isEqualTo(0);
        assertThat(run("scan", f.toString())).isEqualTo(0);
    }

    @Test
    void an_exempted_finding_is_listed_with_its_reason_but_does_not_fail_the_scan() throws IOException {
        Path f = Files.writeString(dir.resolve("d.yaml"), PRIVILEGED_DEPLOYMENT.replace("namespace: shop}",
                "namespace: shop, annotations: {exempt.posture.picket.dev/audit-privileged-container: 'node agent, reviewed'}}"));
        assertThat(run("scan", "--fail-on", "low", "--format", "text", f.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("audit-privileged-container", "Deployment/shop/agent", "node agent, reviewed",
                "1 finding(s), 0 open, 1 exempted with a reason");
    }

    @Test
    void a_broken_document_is_reported_as_file_and_line_and_the_rest_is_scanned() throws IOException {
        Path f = Files.writeString(dir.resolve("d.yaml"), "kind: [broken\n---\n" + PRIVILEGED_DEPLOYMENT);
        assertThat(run("scan", f.toString())).isEqualTo(0);
        assertThat(err.toString()).startsWith(f + ":1: ");
        assertThat(alerts()).hasSize(1);
    }

    @Test
    void picket_s_own_deploy_manifests_have_every_finding_fixed_or_justified() throws IOException {
        assertThat(run("scan", "--fail-on", "informational", Path.of("..", "deploy").toString())).as(err.toString()).isEqualTo(0);
        assertThat(alerts()).isNotEmpty().allSatisfy(a -> assertThat(a.at("/finding/exemption").asText()).isNotBlank());
    }

    @Test
    void bad_usage_exits_2() {
        assertThat(run("scan")).isEqualTo(2);
        assertThat(run("scan", "--fail-on", "severe", dir.toString())).isEqualTo(2);
        assertThat(run("scan", dir.resolve("missing.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("missing.yaml: no such file or folder");
    }

    @Test
    void a_live_cluster_is_listed_through_the_api_and_judged_the_same_way() throws IOException {
        client.apps().deployments().inNamespace("shop").resource(new DeploymentBuilder()
                .withNewMetadata().withName("agent").withNamespace("shop").endMetadata()
                .withNewSpec().withNewTemplate().withSpec(new PodSpecBuilder().withContainers(new ContainerBuilder()
                        .withName("agent").withImage("registry.example.com/agent:2.1")
                        .withNewSecurityContext().withPrivileged(true).withRunAsNonRoot(true).endSecurityContext()
                        .withNewResources().addToLimits("cpu", new io.fabric8.kubernetes.api.model.Quantity("100m")).endResources()
                        .build()).build()).endTemplate().endSpec().build()).create();
        client.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder()
                .withNewMetadata().withName("ci-admin").endMetadata()
                .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName("cluster-admin").endRoleRef()
                .addNewSubject().withKind("ServiceAccount").withName("deployer").withNamespace("ci").endSubject().build()).create();
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: mock, cluster: {server: '%s', insecure-skip-tls-verify: true}}]
                users: [{name: u, user: {token: t}}]
                contexts: [{name: c, context: {cluster: mock, user: u}}]
                current-context: c
                """.formatted(client.getMasterUrl()));

        assertThat(run("scan", "--kubeconfig", kubeconfig.toString())).as(err.toString()).isEqualTo(0);
        assertThat(alerts()).extracting(a -> a.at("/rule/id").asText() + " " + a.at("/finding/object/kind").asText()
                        + " " + a.at("/finding/locations/0/fields/0").asText())
                .containsExactlyInAnyOrder(
                        "audit-privileged-container Deployment spec.template.spec.containers[0].securityContext.privileged",
                        "posture-untrusted-or-unsigned-images Deployment spec.template.spec.containers[0].image",
                        "audit-cluster-admin-binding ClusterRoleBinding roleRef.kind");
    }
}
