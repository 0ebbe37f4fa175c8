package dev.picket.server.inventory;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.server.TestServers;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The inventory over fabric8's mock API server in CRUD mode: owners through replica sets, kept current by watches. */
@EnableKubernetesMockClient(crud = true)
class ClusterInventoryTest {
    // One mock API server per test: a watch closed by one test must not stall the next one's requests.
    KubernetesClient client;
    ClusterInventory inventory;

    private static OwnerReference controller(String kind, String name) {
        return new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind(kind).withName(name).withUid(name + "-uid")
                .withController(true).build();
    }

    private void pod(String name, OwnerReference owner) {
        client.pods().inNamespace("shop").resource(new PodBuilder().withNewMetadata().withName(name).withNamespace("shop")
                .withOwnerReferences(owner).endMetadata().withNewSpec().withServiceAccountName("web-sa")
                .addNewContainer().withName("app").withImage("shop/web:1").endContainer().endSpec().build()).create();
    }

    @BeforeEach
    void cluster() throws Exception {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build()).createOr(r -> r.update());
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName("node-1").endMetadata().build()).createOr(r -> r.update());
        client.serviceAccounts().inNamespace("shop").resource(new ServiceAccountBuilder().withNewMetadata().withName("web-sa")
                .withNamespace("shop").endMetadata().build()).createOr(r -> r.update());
        client.apps().replicaSets().inNamespace("shop").resource(new ReplicaSetBuilder().withNewMetadata().withName("web-5b6c7d8f9c")
                .withNamespace("shop").withOwnerReferences(controller("Deployment", "web")).endMetadata().build()).createOr(r -> r.update());
        client.pods().inNamespace("shop").delete();
        pod("web-5b6c7d8f9c-4kzpx", controller("ReplicaSet", "web-5b6c7d8f9c"));
        inventory = new ClusterInventory(client);
        TestServers.await("the inventory's first listing", () -> inventory.synced());
    }

    @AfterEach
    void close() {
        inventory.close();
    }

    @Test
    void aPodsOwnerIsTheDeploymentBehindItsReplicaSet() {
        assertThat(inventory.owner("shop", "web-5b6c7d8f9c-4kzpx")).contains(new ClusterInventory.Owner("Deployment", "web"));
        assertThat(inventory.serviceAccount("shop", "web-5b6c7d8f9c-4kzpx")).contains("web-sa");
        assertThat(inventory.hasNamespace("shop")).isTrue();
        assertThat(inventory.hasNode("node-1")).isTrue();
        assertThat(inventory.hasNode("node-9")).isFalse();
        assertThat(inventory.owner("shop", "unknown-pod")).isEmpty();
    }

    @Test
    void aPodCreatedLaterIsSeenThroughTheWatch() throws Exception {
        pod("nightly-28934-abcde", controller("Job", "nightly-28934"));
        TestServers.await("the new pod", () -> inventory.owner("shop", "nightly-28934-abcde").isPresent());
        assertThat(inventory.owner("shop", "nightly-28934-abcde")).contains(new ClusterInventory.Owner("Job", "nightly-28934"));
    }

    @Test
    void alertsAreEnrichedWithTheOwnerTheClusterNames() {
        ObjectNode alert = JsonNodeFactory.instance.objectNode();
        alert.putObject("entity").put("namespace", "shop").put("pod", "web-5b6c7d8f9c-4kzpx")
                .putObject("workload").put("kind", "Pod").put("name", "guess");
        ObjectNode stranger = JsonNodeFactory.instance.objectNode();
        stranger.putObject("entity").put("namespace", "shop").put("pod", "not-in-the-cluster");

        new EnrichingDetector(event -> List.of(alert, stranger), inventory).detect(null);

        assertThat(alert.at("/entity/workload").toString()).isEqualTo("{\"kind\":\"Deployment\",\"name\":\"web\"}");
        assertThat(alert.at("/entity/serviceAccount").asText()).isEqualTo("web-sa");
        assertThat(stranger.path("entity").has("workload")).isFalse();
    }
}
