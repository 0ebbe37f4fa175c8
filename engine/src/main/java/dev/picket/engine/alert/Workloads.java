package dev.picket.engine.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.Map;

/**
 * Which controller a pod belongs to, from what the pod itself carries. Owner references are best;
 * when the owner is a ReplicaSet made by a Deployment (its name ends in the pod's
 * {@code pod-template-hash}) the Deployment is named instead. Without owner references (runtime
 * events carry only labels, exec requests only the pod name) the well-known labels and the
 * controllers' pod naming schemes are used.
 */
final class Workloads {
    private static final Map<String, String> KIND_OF_RESOURCE = Map.of(
            "deployments", "Deployment", "daemonsets", "DaemonSet", "statefulsets", "StatefulSet",
            "replicasets", "ReplicaSet", "jobs", "Job", "cronjobs", "CronJob",
            "replicationcontrollers", "ReplicationController");
    private static final String TEMPLATE_HASH = "pod-template-hash";
    /**
     * A Deployment's pod name: {@code NAME-HASH-SUFFIX}, where the template hash (6 to 10 characters)
     * and the random suffix (5) use Kubernetes' vowel-free alphabet, so ordinary words do not fit.
     */
    private static final Pattern DEPLOYMENT_POD =
            Pattern.compile("^(.+)-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$");

    private Workloads() {
    }

    /** The kind for an API resource that is a workload ({@code deployments}), else null. */
    static String kindOf(String resource) {
        return resource == null ? null : KIND_OF_RESOURCE.get(resource);
    }

    /**
     * A workload object's own workload: its controller when it has one (the Deployment of a ReplicaSet,
     * the CronJob of a Job), else itself.
     */
    static Workload ofObject(String kind, String name, JsonNode ownerReferences) {
        JsonNode owner = controller(ownerReferences);
        return owner == null ? new Workload(kind, name) : new Workload(owner.path("kind").asText(), owner.path("name").asText());
    }

    /** The pod's controller, or null for a bare pod or when nothing says. */
    static Workload ofPod(String podName, JsonNode ownerReferences, JsonNode labels) {
        JsonNode owner = controller(ownerReferences);
        String hash = labels.path(TEMPLATE_HASH).asText(null);
        if (owner != null) {
            String kind = owner.path("kind").asText();
            String name = owner.path("name").asText();
            if (kind.equals("ReplicaSet") && hash != null && name.endsWith("-" + hash)) {
                return new Workload("Deployment", name.substring(0, name.length() - hash.length() - 1));
            }
            return new Workload(kind, name);
        }
        if (podName == null) return null;
        if (hash != null) {
            int at = podName.lastIndexOf("-" + hash + "-");
            if (at > 0) return new Workload("Deployment", podName.substring(0, at));
        }
        String job = labels.path("batch.kubernetes.io/job-name").asText(labels.path("job-name").asText(null));
        if (job != null) return new Workload("Job", job);
        if (labels.has("statefulset.kubernetes.io/pod-name")) return new Workload("StatefulSet", withoutLastPart(podName));
        if (labels.has("controller-revision-hash") && labels.has("pod-template-generation")) {
            return new Workload("DaemonSet", withoutLastPart(podName));
        }
        // Only the pod name is known (an exec request names nothing else): its shape may still tell.
        Matcher m = DEPLOYMENT_POD.matcher(podName);
        return m.matches() ? new Workload("Deployment", m.group(1)) : null;
    }

    /** The owner reference marked as controller, else the first; null when there is none. */
    private static JsonNode controller(JsonNode ownerReferences) {
        JsonNode first = null;
        for (JsonNode ref : ownerReferences) {
            if (ref.path("controller").asBoolean(false)) return ref;
            if (first == null) first = ref;
        }
        return first;
    }

    /** {@code web-0} is pod 0 of StatefulSet {@code web}; {@code agent-x7k2p} a pod of DaemonSet {@code agent}. */
    private static String withoutLastPart(String podName) {
        int dash = podName.lastIndexOf('-');
        return dash > 0 ? podName.substring(0, dash) : podName;
    }
}
