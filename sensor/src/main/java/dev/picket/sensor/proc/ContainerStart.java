package dev.picket.sensor.proc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A container the sensor has just seen for the first time, with what its first process shows of
 * it: whether it holds every capability (a privileged container) and what is mounted into it.
 *
 * @param privileged null when its capabilities could not be read
 */
public record ContainerStart(Workload workload, Boolean privileged, List<Mount> mounts) {
    /** Kernel file systems every container has; they say nothing about this one. */
    private static final Set<String> PLAIN = Set.of("proc", "sysfs", "devpts", "mqueue", "cgroup", "cgroup2");

    /** One mount: the path inside its file system (a host path for a bind mount) and where it appears. */
    public record Mount(String source, String destination, String type, boolean readOnly) {
    }

    /** The mounts of a mountinfo text other than the root and the kernel's own file systems. */
    static List<Mount> mounts(String mountinfo) {
        List<Mount> mounts = new ArrayList<>();
        for (String line : mountinfo.split("\n")) {
            String[] f = line.split(" ");
            int dash = 6;
            while (dash < f.length && !f[dash].equals("-")) dash++;
            if (f.length < 10 || dash + 1 >= f.length || f[4].equals("/") || PLAIN.contains(f[dash + 1])) continue;
            boolean readOnly = f[5].equals("ro") || f[5].startsWith("ro,");
            mounts.add(new Mount(RootOverlay.unescape(f[3]), RootOverlay.unescape(f[4]), f[dash + 1], readOnly));
        }
        return mounts;
    }

    /**
     * Whether {@code CapEff} of a status text holds every capability up to the kernel's last one:
     * what a privileged container gets, and no ordinary one.
     */
    static Boolean privileged(String status, int lastCapability) {
        for (String line : status.split("\n")) {
            if (!line.startsWith("CapEff:")) continue;
            long effective = Long.parseUnsignedLong(line.substring("CapEff:".length()).trim(), 16);
            long all = lastCapability >= 63 ? -1L : (1L << (lastCapability + 1)) - 1;
            return (effective & all) == all;
        }
        return null;
    }
}
