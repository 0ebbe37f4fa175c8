package dev.picket.simulator.cluster;

import dev.picket.simulator.Target;
import dev.picket.simulator.scenario.Scenario;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Cluster mode: the namespace, the entrypoint ConfigMap, the victim and the attacker from
 * {@code deploy/simulation/}; each scenario is one HTTP request from the attacker pod to the victim's
 * web shell (the simulator execs {@code wget} in the attacker). Deleting the namespace cleans up.
 */
public final class ClusterTarget implements Target {
    public static final String NAMESPACE = "picket-simulation";
    static final String CONFIG_MAP = "picket-simulation-entrypoints";
    static final List<String> MANIFESTS = List.of("namespace.yaml", "victim.yaml", "attacker.yaml");
    static final List<String> ENTRYPOINT_FILES = List.of("victim.sh", "attacker.sh", "ws.php", "httpd.conf");
    private static final String RESOURCES = "/dev/picket/simulator/cluster/";

    private final KubernetesClient client;
    private final boolean keep;
    private final Consumer<String> progress;

    private ClusterTarget(KubernetesClient client, boolean keep, Consumer<String> progress) {
        this.client = client;
        this.keep = keep;
        this.progress = progress;
    }

    /** Creates (or updates) the simulation's objects and waits until both pods are ready. */
    public static ClusterTarget start(KubernetesClient client, boolean keep, Duration ready, Consumer<String> progress)
            throws IOException {
        ClusterTarget target = new ClusterTarget(client, keep, progress);
        try {
            for (String manifest : MANIFESTS) {
                for (HasMetadata object : target.load(manifest)) target.apply(object);
                // The pods mount the ConfigMap, so it exists before them, right after its namespace.
                if (manifest.equals("namespace.yaml")) target.apply(entrypoints());
            }
            for (String pod : List.of("victim", "attacker")) {
                progress.accept("waiting for pod " + NAMESPACE + "/" + pod + " to be ready");
                client.pods().inNamespace(NAMESPACE).withName(pod).waitUntilCondition(ClusterTarget::ready,
                        ready.toMillis(), TimeUnit.MILLISECONDS);
            }
            return target;
        } catch (KubernetesClientException e) {
            target.close();
            throw new IOException("cluster: " + e.getMessage(), e);
        }
    }

    private void apply(HasMetadata object) {
        progress.accept("applying " + object.getKind() + " " + (object.getMetadata().getNamespace() == null ? ""
                : object.getMetadata().getNamespace() + "/") + object.getMetadata().getName());
        client.resource(object).createOr(existing -> existing.update());
    }

    private List<HasMetadata> load(String manifest) throws IOException {
        try (InputStream in = resource(manifest)) {
            return client.load(in).items();
        }
    }

    /** The ConfigMap holding the entrypoints and the web shell, built from the files beside the manifests. */
    static HasMetadata entrypoints() throws IOException {
        Map<String, String> data = new LinkedHashMap<>();
        for (String file : ENTRYPOINT_FILES) {
            try (InputStream in = resource(file)) {
                data.put(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return new ConfigMapBuilder().withNewMetadata().withName(CONFIG_MAP).withNamespace(NAMESPACE)
                .addToLabels("app.kubernetes.io/part-of", NAMESPACE).endMetadata().withData(data).build();
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = ClusterTarget.class.getResourceAsStream(RESOURCES + name);
        if (in == null) throw new IOException("missing simulation file " + name);
        return in;
    }

    static boolean ready(Pod pod) {
        if (pod == null || pod.getStatus() == null || pod.getStatus().getConditions() == null) return false;
        return pod.getStatus().getConditions().stream()
                .anyMatch((PodCondition c) -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** The attacker's request: {@code wget -qO- http://victim:8080/ws.php?cmd=...}, executed in the attacker pod. */
    static List<String> request(Scenario scenario) {
        return List.of("wget", "-qO-", "-T", "120", "http://victim:8080/ws.php?cmd="
                + URLEncoder.encode(scenario.command(), StandardCharsets.UTF_8).replace("+", "%20"));
    }

    @Override
    public String deliver(Scenario scenario) throws IOException, InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExecWatch exec = client.pods().inNamespace(NAMESPACE).withName("attacker").inContainer("attacker")
                .writingOutput(out).writingError(out).exec(request(scenario).toArray(String[]::new))) {
            Integer code = exec.exitCode().get(3, TimeUnit.MINUTES);
            if (code != null && code != 0) {
                throw new IOException("the attacker's request to the web shell failed (exit " + code + "): " + out.toString(StandardCharsets.UTF_8).strip());
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("exec in the attacker pod: " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (keep) {
            progress.accept("keeping namespace " + NAMESPACE + " (--keep); delete it with: kubectl delete namespace " + NAMESPACE);
            return;
        }
        progress.accept("deleting namespace " + NAMESPACE);
        client.namespaces().withName(NAMESPACE).delete();
    }
}
