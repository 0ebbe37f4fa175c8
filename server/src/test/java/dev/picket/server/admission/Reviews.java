package dev.picket.server.admission;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;

/** AdmissionReview requests as the API server sends them, around objects written as YAML. */
final class Reviews {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A Deployment whose pod template alone asks for privileged mode (image pinned, limits set, non-root). */
    static final String PRIVILEGED_TEMPLATE = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: node-tuner
              namespace: %s
              labels: {app: node-tuner, team: platform}
            spec:
              replicas: 1
              selector: {matchLabels: {app: node-tuner}}
              strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%%, maxUnavailable: 25%%}}
              template:
                metadata: {labels: {app: node-tuner}}
                spec:
                  containers:
                    - name: tuner
                      image: registry.example.com/node-tuner@sha256:0d4f4a389a55b4c1e7f0c2d3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3
                      imagePullPolicy: IfNotPresent
                      terminationMessagePath: /dev/termination-log
                      terminationMessagePolicy: File
                      securityContext: {privileged: true, runAsNonRoot: true}
                      resources: {limits: {cpu: 100m, memory: 64Mi}}
                  restartPolicy: Always
                  dnsPolicy: ClusterFirst
                  schedulerName: default-scheduler
                  terminationGracePeriodSeconds: 30
            """;

    /** A hardened Deployment nothing fires on. */
    static final String CLEAN = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: %s, labels: {app: api}}
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
            """;

    private Reviews() {
    }

    static ObjectNode review(String uid, String namespace, String objectYaml, boolean dryRun) {
        try {
            ObjectNode object = (ObjectNode) YAML.readTree(objectYaml.formatted(namespace));
            String[] gv = object.path("apiVersion").asText().split("/");
            String kind = object.path("kind").asText();
            ObjectNode review = JSON.createObjectNode().put("apiVersion", "admission.k8s.io/v1").put("kind", "AdmissionReview");
            ObjectNode r = review.putObject("request").put("uid", uid);
            r.putObject("kind").put("group", gv.length == 2 ? gv[0] : "").put("version", gv[gv.length - 1]).put("kind", kind);
            r.putObject("resource").put("group", gv.length == 2 ? gv[0] : "").put("version", gv[gv.length - 1])
                    .put("resource", kind.toLowerCase() + "s");
            r.set("requestKind", r.get("kind").deepCopy());
            r.set("requestResource", r.get("resource").deepCopy());
            r.put("name", object.path("metadata").path("name").asText()).put("namespace", namespace).put("operation", "CREATE");
            ObjectNode user = r.putObject("userInfo").put("username", "alice@example.com").put("uid", "7c1b1a52-0c6e-4c1e-9d7e-3f3e3a0b0a11");
            user.putArray("groups").add("developers").add("system:authenticated");
            r.set("object", object);
            r.putNull("oldObject");
            r.put("dryRun", dryRun);
            r.putObject("options").put("apiVersion", "meta.k8s.io/v1").put("kind", "CreateOptions");
            return review;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
