package dev.picket.engine.alert;

/**
 * What an alert is about. Every field is optional (null when the evidence does not say).
 * {@code cluster} is the name configured for the source the event came from.
 */
public record Entity(String cluster, String namespace, Workload workload, String pod, String container,
                     String image, String node, String user, String sourceIp) {

    public static final Entity NONE = new Entity(null, null, null, null, null, null, null, null, null);

    /** This entity with each missing field taken from {@code other}. */
    public Entity orElse(Entity other) {
        return new Entity(
                first(cluster, other.cluster), first(namespace, other.namespace), first(workload, other.workload),
                first(pod, other.pod), first(container, other.container), first(image, other.image),
                first(node, other.node), first(user, other.user), first(sourceIp, other.sourceIp));
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }
}
