package dev.picket.simulator.local;

import java.nio.file.Path;

/**
 * What a sensor needs to attribute the victim container's activity: the container's id (also the name
 * of its cgroup), its cgroup directory, the host PID of its PID 1, its overlay's upper directory (files
 * written after start), and the pod it stands for.
 */
public record Victim(String containerId, Path cgroup, long pid, Path upperDir, String image, String namespace, String pod,
                     String serviceAccount) {
}
