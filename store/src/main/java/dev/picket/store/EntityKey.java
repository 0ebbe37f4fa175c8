package dev.picket.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;
import java.util.Optional;

/**
 * What an incident is about: the workload an alert happened in (cluster, namespace and owning
 * controller, or the pod when no owner is known), else the principal that acted (a user, then a
 * source address), else the node. Alerts naming none of these join no incident.
 *
 * @param key    the grouping key, unique per entity
 * @param label  how people name it: {@code deployment/web in shop}, {@code user alice}
 * @param entity the alert entity's identifying fields only (not the pod or container of one alert)
 */
record EntityKey(String key, String label, ObjectNode entity) {

    static Optional<EntityKey> of(ObjectNode alertEntity) {
        String cluster = AlertRow.text(alertEntity, "cluster");
        String namespace = AlertRow.text(alertEntity, "namespace");
        JsonNode workload = alertEntity.path("workload");
        String kind = AlertRow.text(workload, "kind");
        String name = AlertRow.text(workload, "name");
        String pod = AlertRow.text(alertEntity, "pod");
        ObjectNode entity = alertEntity.objectNode();
        if (cluster != null) entity.put("cluster", cluster);
        if (namespace != null && name != null) {
            entity.put("namespace", namespace).set("workload", workload.deepCopy());
            String what = (kind == null ? "" : kind.toLowerCase(Locale.ROOT) + "/") + name;
            return Optional.of(new EntityKey(join("workload", cluster, namespace, what), what + " in " + namespace, entity));
        }
        if (namespace != null && pod != null) {
            entity.put("namespace", namespace).put("pod", pod);
            return Optional.of(new EntityKey(join("pod", cluster, namespace, pod), "pod/" + pod + " in " + namespace, entity));
        }
        for (String field : new String[]{"user", "sourceIp", "node"}) {
            String value = AlertRow.text(alertEntity, field);
            if (value != null) {
                entity.put(field, value);
                return Optional.of(new EntityKey(join(field, cluster, value), field + " " + value, entity));
            }
        }
        return Optional.empty();
    }

    /** Parts joined with a separator that cannot occur in Kubernetes names; a missing cluster is empty. */
    private static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String part : parts) {
            if (!b.isEmpty()) b.append('\u001f');
            if (part != null) b.append(part);
        }
        return b.toString();
    }
}
