package dev.picket.sensor.proc;

/**
 * The container a process belongs to, read from its {@code /proc/PID/cgroup}. Container runtimes
 * name a container's cgroup after its 64-hex-digit id: systemd driver
 * {@code …/docker-<id>.scope}, {@code …/cri-containerd-<id>.scope}, {@code …/crio-<id>.scope},
 * {@code …/libpod-<id>.scope}; cgroupfs driver {@code /docker/<id>}, {@code /kubepods/burstable/pod<uid>/<id>}.
 * Kubernetes puts the pod's UID in a parent: {@code pod<uid>} (dashes, cgroupfs) or
 * {@code kubepods-…-pod<uid with underscores>.slice} (systemd).
 *
 * @param containerId the 64-hex id, or null for a host process
 * @param podUid      the pod UID, or null when the container is not a Kubernetes pod's
 */
public record CgroupIdentity(String containerId, String podUid) {
    public static final CgroupIdentity HOST = new CgroupIdentity(null, null);
    private static final String[] PREFIXES = {"docker-", "cri-containerd-", "crio-", "libpod-", "containerd-"};

    public boolean host() {
        return containerId == null;
    }

    /** The identity named by a cgroup file's lines ({@code ID:CONTROLLERS:PATH}); a container on any line wins. */
    public static CgroupIdentity parse(String cgroupFile) {
        for (String line : cgroupFile.split("\n")) {
            int second = line.indexOf(':', line.indexOf(':') + 1);
            if (second < 0) continue;
            CgroupIdentity found = fromPath(line.substring(second + 1));
            if (found != null) return found;
        }
        return HOST;
    }

    /** The identity for one cgroup path, or null when no segment is a container's. */
    static CgroupIdentity fromPath(String path) {
        String[] segments = path.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            String id = containerId(segments[i]);
            if (id == null) continue;
            String pod = null;
            for (int j = i - 1; j >= 0 && pod == null; j--) pod = podUid(segments[j]);
            return new CgroupIdentity(id, pod);
        }
        return null;
    }

    private static String containerId(String segment) {
        String s = segment.endsWith(".scope") ? segment.substring(0, segment.length() - ".scope".length()) : segment;
        for (String prefix : PREFIXES) {
            if (s.startsWith(prefix)) {
                s = s.substring(prefix.length());
                break;
            }
        }
        return isHexId(s) ? s : null;
    }

    private static String podUid(String segment) {
        String s = segment.endsWith(".slice") ? segment.substring(0, segment.length() - ".slice".length()) : segment;
        int at = s.lastIndexOf("pod");
        if (at < 0 || (at > 0 && s.charAt(at - 1) != '-')) return null;
        String uid = s.substring(at + 3).replace('_', '-');
        return uid.length() == 36 && uid.chars().allMatch(c -> c == '-' || Character.digit(c, 16) >= 0) ? uid : null;
    }

    private static boolean isHexId(String s) {
        if (s.length() != 64) return false;
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
        }
        return true;
    }
}
