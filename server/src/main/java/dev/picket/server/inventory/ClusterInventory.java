package dev.picket.server.inventory;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;

import java.util.List;
import java.util.Optional;

/**
 * A light copy of the cluster, kept current by watches: namespaces, pods and the replica sets
 * between them and their deployments, service accounts and nodes. It answers which workload owns a
 * pod (following the controller owner references, a replica set up to its deployment), which the
 * pod's name alone can only guess.
 */
public final class ClusterInventory implements AutoCloseable {
    /** The controller that owns a pod, by its kind and name. */
    public record Owner(String kind, String name) {
    }

    private final List<SharedIndexInformer<? extends HasMetadata>> informers;
    private final SharedIndexInformer<Pod> pods;
    private final SharedIndexInformer<ReplicaSet> replicaSets;
    private final SharedIndexInformer<Namespace> namespaces;
    private final SharedIndexInformer<ServiceAccount> serviceAccounts;
    private final SharedIndexInformer<Node> nodes;

    /** Starts the watches; {@link #synced()} tells when the first listing is in. */
    public ClusterInventory(KubernetesClient client) {
        pods = client.pods().inAnyNamespace().inform();
        replicaSets = client.apps().replicaSets().inAnyNamespace().inform();
        namespaces = client.namespaces().inform();
        serviceAccounts = client.serviceAccounts().inAnyNamespace().inform();
        nodes = client.nodes().inform();
        informers = List.of(pods, replicaSets, namespaces, serviceAccounts, nodes);
    }

    public boolean synced() {
        return informers.stream().allMatch(SharedIndexInformer::hasSynced);
    }

    /** The workload owning the pod: a deployment through its replica set, else the pod's controller. */
    public Optional<Owner> owner(String namespace, String pod) {
        Pod p = pods.getStore().getByKey(Cache.namespaceKeyFunc(namespace, pod));
        if (p == null) return Optional.empty();
        Optional<OwnerReference> controller = controller(p);
        if (controller.isEmpty()) return Optional.empty();
        OwnerReference ref = controller.get();
        if (ref.getKind().equals("ReplicaSet")) {
            ReplicaSet rs = replicaSets.getStore().getByKey(Cache.namespaceKeyFunc(namespace, ref.getName()));
            Optional<OwnerReference> deployment = rs == null ? Optional.empty() : controller(rs);
            if (deployment.isPresent()) return Optional.of(new Owner(deployment.get().getKind(), deployment.get().getName()));
        }
        return Optional.of(new Owner(ref.getKind(), ref.getName()));
    }

    /** The service account the pod runs as. */
    public Optional<String> serviceAccount(String namespace, String pod) {
        Pod p = pods.getStore().getByKey(Cache.namespaceKeyFunc(namespace, pod));
        return p == null || p.getSpec() == null ? Optional.empty() : Optional.ofNullable(p.getSpec().getServiceAccountName())
                .filter(sa -> serviceAccounts.getStore().getByKey(Cache.namespaceKeyFunc(namespace, sa)) != null);
    }

    public boolean hasNamespace(String namespace) {
        return namespaces.getStore().getByKey(namespace) != null;
    }

    public boolean hasNode(String node) {
        return nodes.getStore().getByKey(node) != null;
    }

    private static Optional<OwnerReference> controller(HasMetadata object) {
        return object.getMetadata().getOwnerReferences().stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst();
    }

    @Override
    public void close() {
        informers.forEach(SharedIndexInformer::close);
    }
}
