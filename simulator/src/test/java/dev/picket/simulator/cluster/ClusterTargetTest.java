package dev.picket.simulator.cluster;

import dev.picket.simulator.scenario.Scenario;
import dev.picket.simulator.scenario.Scenarios;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.server.mock.OutputStreamMessage;
import io.fabric8.kubernetes.client.server.mock.StatusStreamMessage;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cluster mode against fabric8's mock API server in CRUD mode (no real cluster exists here): the
 * objects it creates, the attacker's exec that carries the scenario, and the cleanup. The mock has no
 * kubelet, so the test marks the pods ready itself.
 */
@EnableKubernetesMockClient(crud = true)
class ClusterTargetTest {
    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    void createsTheSimulationObjectsExecsTheScenarioFromTheAttackerAndDeletesTheNamespace() throws Exception {
        Scenario webshell = Scenarios.builtIn().get("webshell");
        server.expect().get().withPath(execPath(ClusterTarget.request(webshell)))
                .andUpgradeToWebSocket().open(new OutputStreamMessage("nginx\n"), new StatusStreamMessage(0)).done().once();
        Thread kubelet = Thread.ofVirtual().start(this::markPodsReady);
        List<String> progress = new ArrayList<>();
        String output;
        try (ClusterTarget target = ClusterTarget.start(client, false, Duration.ofSeconds(20), progress::add)) {
            Pod victim = client.pods().inNamespace(ClusterTarget.NAMESPACE).withName("victim").get();
            assertThat(victim.getSpec().getServiceAccountName()).isEqualTo("victim");
            assertThat(victim.getSpec().getContainers().getFirst().getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(client.services().inNamespace(ClusterTarget.NAMESPACE).withName("attacker").get()).isNotNull();
            ConfigMap entrypoints = client.configMaps().inNamespace(ClusterTarget.NAMESPACE).withName(ClusterTarget.CONFIG_MAP).get();
            assertThat(entrypoints.getData()).containsOnlyKeys(ClusterTarget.ENTRYPOINT_FILES)
                    .hasEntrySatisfying("ws.php", ws -> assertThat(ws).contains("sh -c \"$cmd\""));
            output = target.deliver(webshell);
        }
        kubelet.join();
        assertThat(output).isEqualTo("nginx\n");
        assertThat(client.namespaces().withName(ClusterTarget.NAMESPACE).get()).as("namespace deleted").isNull();
        assertThat(progress).contains("deleting namespace picket-simulation");
    }

    @Test
    void keepLeavesEverythingInPlace() throws Exception {
        Thread kubelet = Thread.ofVirtual().start(this::markPodsReady);
        try (ClusterTarget ignored = ClusterTarget.start(client, true, Duration.ofSeconds(20), line -> { })) {
            kubelet.join();
        }
        assertThat(client.namespaces().withName(ClusterTarget.NAMESPACE).get()).isNotNull();
        assertThat(client.pods().inNamespace(ClusterTarget.NAMESPACE).list().getItems()).extracting(p -> p.getMetadata().getName())
                .containsExactlyInAnyOrder("victim", "attacker");
    }

    @Test
    void aPodThatIsNotReadyIsNotReady() {
        assertThat(ClusterTarget.ready(new Pod())).isFalse();
    }

    @Test
    void theAttackersRequestCarriesTheEncodedScenarioToTheWebShell() {
        List<String> request = ClusterTarget.request(Scenarios.builtIn().get("recon"));
        assertThat(request.subList(0, 2)).containsExactly("wget", "-qO-");
        assertThat(request.getLast()).startsWith("http://victim:8080/ws.php?cmd=echo%20").endsWith("%20%7C%20base64%20-d%20%7C%20sh");
    }

    /** What the kubelet would do: once each pod exists, report it Ready. */
    private void markPodsReady() {
        for (String name : List.of("victim", "attacker")) {
            var pod = client.pods().inNamespace(ClusterTarget.NAMESPACE).withName(name);
            long deadline = System.currentTimeMillis() + 20_000;
            while (pod.get() == null && System.currentTimeMillis() < deadline) Thread.onSpinWait();
            pod.editStatus(p -> {
                p.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase("Running")
                        .withConditions(new PodConditionBuilder().withType("Ready").withStatus("True").build()).build());
                return p;
            });
        }
    }

    private static String execPath(List<String> command) {
        String args = command.stream().map(c -> "command=" + URLEncoder.encode(c, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return "/api/v1/namespaces/" + ClusterTarget.NAMESPACE + "/pods/attacker/exec?" + args + "&container=attacker&stdout=true&stderr=true";
    }
}
