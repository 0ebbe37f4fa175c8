package dev.picket.posture;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Kubernetes object to judge, with where it was read from ({@code source}:{@code line}, the line
 * its document starts on; line 0 when it came from a cluster or an admission request).
 */
public record KubeObject(ObjectNode object, String source, int line) {

    public String kind() {
        return object.path("kind").asText("");
    }

    public String apiVersion() {
        return object.path("apiVersion").asText("");
    }

    public String name() {
        return object.path("metadata").path("name").asText("");
    }

    /** Null when the object names none (cluster-scoped, or set at install time). */
    public String namespace() {
        String ns = object.path("metadata").path("namespace").asText("");
        return ns.isEmpty() ? null : ns;
    }

    /** kind/namespace/name, or kind/name without a namespace. */
    public String reference() {
        String ns = namespace();
        return kind() + "/" + (ns == null ? "" : ns + "/") + name();
    }

    public String where() {
        return line > 0 ? source + ":" + line : source;
    }
}
