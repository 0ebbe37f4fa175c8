package dev.picket.engine.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.LogSource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** What an event is about: the who and where of an audit event, a runtime event or an sshd event. */
final class Entities {
    private static final String POD_RESOURCE = "pods";

    private Entities() {
    }

    static Entity of(Event event, String cluster) {
        Entity found = LogSource.KUBERNETES_AUDIT.admits(event.logSource()) ? audit(event.root()) : runtime(event.root());
        return found.orElse(new Entity(event.origin().cluster() != null ? event.origin().cluster() : cluster,
                null, null, null, null, null, null, null, null));
    }

    private static Entity audit(JsonNode e) {
        JsonNode ref = e.path("objectRef");
        String resource = text(ref.path("resource"));
        String subresource = text(ref.path("subresource"));
        JsonNode object = e.path("requestObject").isObject() ? e.path("requestObject") : e.path("responseObject");
        // A status or scale subresource body is not the object named by objectRef.
        if (subresource != null) object = MissingNode.getInstance();
        JsonNode metadata = object.path("metadata");
        String name = first(text(ref.path("name")), text(metadata.path("name")),
                text(e.path("responseObject").path("metadata").path("name")));
        // A Namespace object is named by objectRef.name: that namespace is what the event is about.
        String namespace = first(text(ref.path("namespace")), text(metadata.path("namespace")),
                "namespaces".equals(resource) ? name : null);

        Workload workload = null;
        String pod = null;
        String container = null;
        JsonNode podSpec = podSpec(object);
        if (POD_RESOURCE.equals(resource)) {
            pod = name;
            workload = Workloads.ofPod(name, metadata.path("ownerReferences"), metadata.path("labels"));
            container = subresource != null ? queryParameter(text(e.path("requestURI")), "container") : null;
        } else if (Workloads.kindOf(resource) != null && name != null) {
            workload = Workloads.ofObject(Workloads.kindOf(resource), name, metadata.path("ownerReferences"));
        }
        JsonNode firstContainer = podSpec.path("containers").path(0);
        if (container == null) container = text(firstContainer.path("name"));
        return new Entity(null, namespace, workload, pod, container, text(firstContainer.path("image")),
                "nodes".equals(resource) ? name : text(podSpec.path("nodeName")),
                text(e.path("user").path("username")), text(e.path("sourceIPs").path(0)));
    }

    private static Entity runtime(JsonNode e) {
        JsonNode c = e.path("container");
        JsonNode k8s = e.path("k8s");
        String pod = text(k8s.path("pod"));
        // The source address names the other side only for inbound connections and sshd logins.
        boolean inbound = e.has("SourceIp") && !e.path("Initiated").asBoolean(false);
        return new Entity(null, text(k8s.path("namespace")),
                Workloads.ofPod(pod, MissingNode.getInstance(), k8s.path("labels")),
                pod, first(text(c.path("name")), text(c.path("id"))), text(c.path("image")),
                text(e.path("node")), text(e.path("User")), inbound ? text(e.path("SourceIp")) : null);
    }

    /** The pod template of a Pod, a workload, or a CronJob. */
    private static JsonNode podSpec(JsonNode object) {
        JsonNode spec = object.path("spec");
        if (spec.has("containers")) return spec;
        if (spec.path("template").path("spec").has("containers")) return spec.path("template").path("spec");
        return spec.path("jobTemplate").path("spec").path("template").path("spec");
    }

    private static String queryParameter(String uri, String name) {
        if (uri == null || uri.indexOf('?') < 0) return null;
        for (String pair : uri.substring(uri.indexOf('?') + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() && !node.asText().isEmpty() ? node.asText() : null;
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) return v;
        }
        return null;
    }
}
