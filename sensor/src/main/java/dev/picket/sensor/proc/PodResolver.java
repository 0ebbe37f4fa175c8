package dev.picket.sensor.proc;

import java.util.Optional;

/**
 * Finds the pod of a container: on a Kubernetes node through the container runtime's CRI socket
 * ({@code ContainerStatus} labels {@code io.kubernetes.pod.namespace} / {@code .name}) or the
 * kubelet's pod list. Implementations are asked once per container and may block briefly.
 */
@FunctionalInterface
public interface PodResolver {
    /** For nodes without Kubernetes: no container has a pod. */
    PodResolver NONE = (containerId, podUid) -> Optional.empty();

    /**
     * @param podUid the pod UID from the cgroup path, or null when the path names none
     */
    Optional<Pod> pod(String containerId, String podUid);
}
