package dev.picket.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Audit rules in the style of community Sigma content for {@code product: kubernetes, service:
 * audit}: a verb and a resource (often a subresource), sometimes narrowed by user, namespace or a
 * request body field, sometimes with a filter for system accounts. They give the benchmark a rule
 * set of a few hundred, the size a team reaches once it adds community and in-house rules to the
 * built-in ones. Deterministic; none of them is meant to fire on healthy traffic, but some will.
 */
public final class CommunityStyleRules {
    private static final String[] RESOURCES = {"pods", "secrets", "configmaps", "serviceaccounts", "deployments",
            "daemonsets", "statefulsets", "cronjobs", "jobs", "roles", "rolebindings", "clusterroles",
            "clusterrolebindings", "nodes", "namespaces", "services", "ingresses", "networkpolicies",
            "persistentvolumes", "persistentvolumeclaims", "validatingwebhookconfigurations",
            "mutatingwebhookconfigurations", "customresourcedefinitions", "certificatesigningrequests", "leases"};
    private static final String[] VERBS = {"create", "update", "patch", "delete", "deletecollection", "get", "list", "watch"};
    private static final String[] SHAPES = {"plain", "subresource", "user", "namespace", "body", "filtered", "agent",
            "failed", "annotation", "uri"};

    private CommunityStyleRules() {
    }

    /** {@code count} rules as one multi-document YAML text. */
    public static String yaml(int count) {
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String resource = RESOURCES[i % RESOURCES.length];
            String verb = VERBS[(i / RESOURCES.length + i) % VERBS.length];
            String shape = SHAPES[(i / RESOURCES.length) % SHAPES.length];
            docs.add(rule(i, resource, verb, shape));
        }
        return String.join("---\n", docs);
    }

    private static String rule(int i, String resource, String verb, String shape) {
        String name = "community-style-" + i;
        StringBuilder b = new StringBuilder();
        b.append("title: ").append(verb).append(' ').append(resource).append(" (").append(shape).append(")\n");
        b.append("id: ").append(UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8))).append('\n');
        b.append("name: ").append(name).append('\n');
        b.append("logsource:\n  product: kubernetes\n  service: audit\n");
        b.append("detection:\n  selection:\n");
        b.append("    verb: ").append(verb).append('\n');
        b.append("    objectRef.resource: ").append(resource).append('\n');
        String condition = "selection";
        switch (shape) {
            case "subresource" -> b.append("    objectRef.subresource:\n      - exec\n      - attach\n      - portforward\n");
            case "user" -> b.append("    user.username|startswith: 'system:serviceaccount:'\n");
            case "namespace" -> b.append("    objectRef.namespace:\n      - kube-system\n      - kube-public\n      - default\n");
            case "body" -> b.append("    requestObject.spec.containers.securityContext.privileged: true\n");
            case "filtered" -> {
                b.append("  filter_system:\n    user.username|startswith:\n      - 'system:node:'\n      - 'system:kube-'\n");
                b.append("    user.groups|contains: 'system:masters'\n");
                condition = "selection and not filter_system";
            }
            case "agent" -> b.append("    userAgent|contains:\n      - curl\n      - python-requests\n      - Go-http-client\n");
            case "failed" -> b.append("    responseStatus.code:\n      - 401\n      - 403\n");
            case "annotation" -> b.append("    annotations.authorization.k8s.io/decision: forbid\n");
            case "uri" -> b.append("    requestURI|re: '\\?.*(fieldSelector|labelSelector)=.*(token|secret)'\n");
            default -> {
            }
        }
        b.append("  condition: ").append(condition).append('\n');
        b.append("level: ").append(i % 3 == 0 ? "high" : "medium").append('\n');
        return b.toString();
    }
}
