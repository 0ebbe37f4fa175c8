package dev.picket.cli.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.posture.KubeObject;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The objects of a live cluster that posture rules judge: workloads (bare pods and top-level
 * controllers only - pods, ReplicaSets and Jobs a controller owns repeat its template), Services, ConfigMaps,
 * RBAC roles and bindings, and admission webhook configurations, listed through the Kubernetes API.
 */
public final class ClusterObjects {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClusterObjects() {
    }

    public static List<KubeObject> list(Path kubeconfig) throws IOException {
        Config config = Config.fromKubeconfig(Files.readString(kubeconfig, StandardCharsets.UTF_8));
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            return list(client, "cluster " + config.getMasterUrl());
        }
    }

    static List<KubeObject> list(KubernetesClient k, String source) {
        List<KubeObject> out = new ArrayList<>();
        Consumer<HasMetadata> add = o -> out.add(new KubeObject(tree(o), source, 0));
        k.pods().inAnyNamespace().list().getItems().stream().filter(ClusterObjects::unowned).forEach(add);
        k.apps().deployments().inAnyNamespace().list().getItems().forEach(add);
        k.apps().daemonSets().inAnyNamespace().list().getItems().forEach(add);
        k.apps().statefulSets().inAnyNamespace().list().getItems().forEach(add);
        k.apps().replicaSets().inAnyNamespace().list().getItems().stream().filter(ClusterObjects::unowned).forEach(add);
        k.batch().v1().jobs().inAnyNamespace().list().getItems().stream().filter(ClusterObjects::unowned).forEach(add);
        k.batch().v1().cronjobs().inAnyNamespace().list().getItems().forEach(add);
        k.services().inAnyNamespace().list().getItems().forEach(add);
        k.configMaps().inAnyNamespace().list().getItems().forEach(add);
        k.rbac().roles().inAnyNamespace().list().getItems().forEach(add);
        k.rbac().clusterRoles().list().getItems().forEach(add);
        k.rbac().roleBindings().inAnyNamespace().list().getItems().forEach(add);
        k.rbac().clusterRoleBindings().list().getItems().forEach(add);
        k.admissionRegistration().v1().validatingWebhookConfigurations().list().getItems().forEach(add);
        k.admissionRegistration().v1().mutatingWebhookConfigurations().list().getItems().forEach(add);
        return out;
    }

    private static boolean unowned(HasMetadata o) {
        return o.getMetadata().getOwnerReferences() == null || o.getMetadata().getOwnerReferences().isEmpty();
    }

    /** List items come without kind and apiVersion; the typed object knows both. */
    private static ObjectNode tree(HasMetadata o) {
        ObjectNode tree = JSON.valueToTree(o);
        tree.put("kind", o.getKind());
        tree.put("apiVersion", o.getApiVersion());
        return tree;
    }
}
