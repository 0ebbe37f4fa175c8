package dev.picket.sensor.proc;

/**
 * Where a process runs: on the host, or in a container (with its root overlay's upper directory
 * and, on Kubernetes, its pod).
 *
 * @param containerId null for a host process
 * @param upperDir    null when unknown or the root is no overlay
 * @param pod         null when unknown or not a pod's container
 */
public record Workload(String containerId, String upperDir, Pod pod) {
    public static final Workload HOST = new Workload(null, null, null);

    public boolean host() {
        return containerId == null;
    }
}
