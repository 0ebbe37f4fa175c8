package dev.picket.streams.feed;

import dev.picket.engine.event.Event;
import dev.picket.engine.event.FieldPath;
import dev.picket.engine.event.LogSource;

/**
 * The key an input record is produced with, so that what one actor does stays in one input
 * partition and in order: the principal for audit events (control-plane rules follow a user or
 * service account), the namespace and pod for container events (a pod belongs to one workload, and
 * the workload rules follow a container or pod), the node for host events and sshd. Correlations
 * whose group-by differs are re-keyed inside the topology; this key only keeps each actor's events
 * in the order they happened.
 */
public final class InputKeys {
    /** The record header naming the cluster an input record's events come from. */
    public static final String CLUSTER_HEADER = "picket-cluster";

    private static final FieldPath USER = FieldPath.of("user.username");
    private static final FieldPath NAMESPACE = FieldPath.of("k8s.namespace");
    private static final FieldPath POD = FieldPath.of("k8s.pod");
    private static final FieldPath NODE = FieldPath.of("node");

    private InputKeys() {
    }

    public static String of(Event event) {
        String cluster = event.origin().cluster();
        StringBuilder key = new StringBuilder(cluster == null ? "" : cluster).append('/');
        if (event.logSource().equals(LogSource.KUBERNETES_AUDIT)) return key.append(text(event, USER)).toString();
        String pod = event.text(POD);
        if (pod != null) return key.append(text(event, NAMESPACE)).append('/').append(pod).toString();
        return key.append(text(event, NODE)).toString();
    }

    private static String text(Event event, FieldPath path) {
        String value = event.text(path);
        return value == null ? "" : value;
    }
}
