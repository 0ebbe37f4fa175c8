package dev.picket.sensor;

import dev.picket.sensor.audit.AuditRule;
import dev.picket.sensor.audit.AuditSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Watches on the credentials inside each container: its service-account token and the credential
 * files in its home directories. A watch follows the inode of the path it names, and the node's
 * watches name the host's files, so a container's own files are named through the root of a
 * process in it ({@code /proc/<pid>/root/...}). The kernel reports the path as the reading process
 * gave it, which is the path inside the container. Only files that exist are watched, at most
 * {@link #MAX_WATCHES} in all; a container's watches go when its last process does.
 */
final class ContainerWatches {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerWatches.class);
    static final int MAX_WATCHES = 512;
    private static final int MAX_HOMES = 8;
    private static final int READ_WRITE = AuditRule.PERM_READ | AuditRule.PERM_WRITE | AuditRule.PERM_ATTR;
    private static final List<String> FILES = List.of(
            "var/run/secrets/kubernetes.io/serviceaccount/token", "run/secrets/kubernetes.io/serviceaccount/token");
    private static final List<String> HOME_FILES = List.of(".git-credentials", ".netrc", ".pgpass", ".aws/credentials",
            ".docker/config.json", ".kube/config", ".ssh/id_rsa", ".ssh/id_ecdsa", ".ssh/id_ed25519");

    private final Path proc;
    private final Path hostRoot;
    private final long selfPid;
    private final AuditSource rules;
    private final Map<Long, Watched> byPid = new HashMap<>();
    private final Set<String> containers = new HashSet<>();
    private int count;

    /** @param hostRoot where the host's root is visible to the sensor (see {@link Sensor.Settings}) */
    ContainerWatches(Path proc, Path hostRoot, long selfPid, AuditSource rules) {
        this.proc = proc;
        this.hostRoot = hostRoot;
        this.selfPid = selfPid;
        this.rules = rules;
    }

    /**
     * Watches the credential files of a container on the first of its events whose process has
     * entered the container's root: a runtime places its first processes in the container's cgroup
     * before they change root.
     */
    void seen(String containerId, long pid) {
        if (containers.contains(containerId)) return;
        Path root = proc.resolve(Long.toString(pid)).resolve("root");
        try {
            if (Files.isSameFile(root, hostRoot)) return;
        } catch (IOException e) {
            return; // ended: a later process will do
        }
        String cgroup = cgroup(pid);
        if (cgroup == null) return;
        List<AuditRule> added = new ArrayList<>();
        for (Path file : credentials(root)) {
            if (count >= MAX_WATCHES) {
                LOG.warn("{} container credential watches in place: no more for container {}", MAX_WATCHES, containerId);
                break;
            }
            AuditRule rule = AuditRule.watch(selfPid, file.toString(), READ_WRITE);
            try {
                rules.add(rule);
                added.add(rule);
                count++;
            } catch (IOException e) {
                LOG.debug("cannot watch {}: {}", file, e.getMessage());
            }
        }
        containers.add(containerId);
        byPid.put(pid, new Watched(containerId, cgroup, added));
    }

    /**
     * Removes the watches of containers whose processes have all ended. When the process a
     * container was seen by ends, another in the same cgroup (looked for only then) takes its place.
     */
    void removeEnded() {
        Map<Long, Watched> moved = new HashMap<>();
        for (Iterator<Map.Entry<Long, Watched>> it = byPid.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Watched> entry = it.next();
            Watched watched = entry.getValue();
            if (watched.cgroup().equals(cgroup(entry.getKey()))) continue;
            it.remove();
            long successor = member(watched.cgroup());
            if (successor > 0) {
                moved.put(successor, watched);
                continue;
            }
            for (AuditRule rule : watched.rules()) rules.remove(rule);
            count -= watched.rules().size();
            containers.remove(watched.containerId());
        }
        byPid.putAll(moved);
    }

    private record Watched(String containerId, String cgroup, List<AuditRule> rules) {
    }

    private long member(String cgroup) {
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path p : pids) {
                long pid = Long.parseLong(p.getFileName().toString());
                if (cgroup.equals(cgroup(pid))) return pid;
            }
        } catch (IOException e) {
            LOG.debug("cannot list processes: {}", e.getMessage());
        }
        return 0;
    }

    private String cgroup(long pid) {
        try {
            return Files.readString(proc.resolve(Long.toString(pid)).resolve("cgroup"));
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The credential files under a container's root; a file that is a relative link also by its
     * target (a mounted token is a link into a timestamped directory, and a watch follows the
     * inode the name has, which for a link is the link's own).
     */
    private static Set<Path> credentials(Path root) {
        Set<Path> files = new LinkedHashSet<>();
        for (String f : FILES) add(files, root.resolve(f));
        List<Path> homes = new ArrayList<>();
        homes.add(root.resolve("root"));
        try (DirectoryStream<Path> users = Files.newDirectoryStream(root.resolve("home"))) {
            for (Path home : users) {
                if (homes.size() > MAX_HOMES) break;
                if (Files.isDirectory(home)) homes.add(home);
            }
        } catch (IOException e) {
            // no /home in this container
        }
        for (Path home : homes) for (String f : HOME_FILES) add(files, home.resolve(f));
        return files;
    }

    private static void add(Set<Path> files, Path file) {
        if (!Files.isRegularFile(file)) return;
        files.add(file);
        if (!Files.isSymbolicLink(file)) return;
        try {
            Path target = Files.readSymbolicLink(file);
            if (!target.isAbsolute()) files.add(file.getParent().resolve(target).normalize());
        } catch (IOException e) {
            // gone meanwhile
        }
    }
}
