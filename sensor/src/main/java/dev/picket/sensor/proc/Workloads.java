package dev.picket.sensor.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places processes: {@code /proc/PID/cgroup} gives the container id, {@code /proc/PID/mountinfo}
 * the root overlay, the {@link PodResolver} the pod. What is learnt about a container is kept
 * (bounded), so each container costs one mountinfo read and one pod lookup.
 */
public final class Workloads {
    private static final int MAX_CONTAINERS = 4096;

    private final Path proc;
    private final PodResolver pods;
    private final Map<String, Workload> containers = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Workload> eldest) {
            return size() > MAX_CONTAINERS;
        }
    };

    private final List<ContainerStart> started = new ArrayList<>();
    private final int lastCapability;

    public Workloads(Path proc, PodResolver pods) {
        this.proc = proc;
        this.pods = pods;
        this.lastCapability = lastCapability(proc);
    }

    /** The containers seen for the first time since the last call. */
    public List<ContainerStart> takeStarted() {
        if (started.isEmpty()) return List.of();
        List<ContainerStart> taken = List.copyOf(started);
        started.clear();
        return taken;
    }

    /** The process's workload, or null when the process is gone (its /proc entry unreadable). */
    public Workload of(long pid) {
        String cgroup = read(pid, "cgroup");
        if (cgroup == null) return null;
        CgroupIdentity identity = CgroupIdentity.parse(cgroup);
        if (identity.host()) return Workload.HOST;
        Workload known = containers.get(identity.containerId());
        if (known != null && known.upperDir() != null) return known;
        String mountinfo = read(pid, "mountinfo");
        String upper = mountinfo == null ? null : RootOverlay.upperDir(mountinfo);
        Pod pod = known != null ? known.pod() : pods.pod(identity.containerId(), identity.podUid()).orElse(null);
        Workload workload = new Workload(identity.containerId(), upper, pod);
        containers.put(identity.containerId(), workload);
        if (known == null) {
            String status = read(pid, "status");
            started.add(new ContainerStart(workload, status == null ? null : ContainerStart.privileged(status, lastCapability),
                    mountinfo == null ? List.of() : ContainerStart.mounts(mountinfo)));
        }
        return workload;
    }

    private static int lastCapability(Path proc) {
        try {
            return Integer.parseInt(Files.readString(proc.resolve("sys/kernel/cap_last_cap")).trim());
        } catch (IOException | RuntimeException e) {
            return 40; // CAP_CHECKPOINT_RESTORE, the last one since Linux 5.9
        }
    }

    private String read(long pid, String file) {
        try {
            return Files.readString(proc.resolve(Long.toString(pid)).resolve(file));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
