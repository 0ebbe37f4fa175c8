package dev.picket.sensor;

import dev.picket.sensor.audit.AuditRule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.picket.sensor.RuntimeEvents.ACCEPT;
import static dev.picket.sensor.RuntimeEvents.ACCEPT4;
import static dev.picket.sensor.RuntimeEvents.CONNECT;
import static dev.picket.sensor.RuntimeEvents.CREAT;
import static dev.picket.sensor.RuntimeEvents.EXECVE;
import static dev.picket.sensor.RuntimeEvents.EXECVEAT;
import static dev.picket.sensor.RuntimeEvents.OPEN;
import static dev.picket.sensor.RuntimeEvents.OPENAT;
import static dev.picket.sensor.RuntimeEvents.OPENAT2;
import static dev.picket.sensor.RuntimeEvents.TRUNCATE;

/**
 * The audit rules the sensor adds: every exec, connect and accept; every open refused for lack of
 * permission; and watches on the node's credential and persistence files. Reads are watched only
 * where a read is itself suspicious (password hashes, sudo policy, SSH keys, cluster credentials);
 * {@code /etc/passwd} and {@code /etc/group} are read by every {@code ls -l}, so only their
 * changes are watched.
 */
final class SensorRules {
    private static final int READ_WRITE = AuditRule.PERM_READ | AuditRule.PERM_WRITE | AuditRule.PERM_ATTR;
    private static final int WRITE = AuditRule.PERM_WRITE | AuditRule.PERM_ATTR;
    private static final String[] READ_WATCHED_FILES = {"/etc/shadow", "/etc/gshadow", "/etc/sudoers"};
    private static final String[] WRITE_WATCHED_FILES = {"/etc/passwd", "/etc/group", "/etc/ld.so.preload", "/etc/crontab"};
    private static final String[] READ_WATCHED_DIRS = {"/etc/sudoers.d", "/root/.ssh", "/etc/kubernetes", "/var/lib/kubelet/pki"};
    private static final String[] WRITE_WATCHED_DIRS = {"/etc/cron.d", "/var/spool/cron", "/etc/ssh", "/etc/systemd/system"};
    private static final int EACCES = -13;
    private static final int EPERM = -1;

    private SensorRules() {
    }

    /**
     * @param hostRoot where the host's root is visible ({@code /}, or {@code /proc/1/root} from a pod).
     *                 The kernel resolves a watched path in the sensor's own mount namespace and then
     *                 watches the inode, so in a pod the host's files are named through pid 1's root.
     *                 A subtree rule cannot be placed on another namespace's mounts; there a
     *                 directory is watched itself, which still sees files created, renamed or
     *                 removed in it (the directory is the parent of each), though not reads and
     *                 writes of the files already in it.
     */
    static List<AuditRule> all(long selfPid, Path hostRoot) {
        boolean ownNamespace = !hostRoot.equals(Path.of("/"));
        List<AuditRule> rules = new ArrayList<>();
        rules.add(AuditRule.syscalls(selfPid, null, EXECVE, EXECVEAT));
        rules.add(AuditRule.syscalls(selfPid, null, CONNECT, ACCEPT, ACCEPT4));
        rules.add(AuditRule.syscalls(selfPid, EACCES, OPEN, OPENAT, OPENAT2, CREAT, TRUNCATE));
        rules.add(AuditRule.syscalls(selfPid, EPERM, OPEN, OPENAT, OPENAT2, CREAT, TRUNCATE));
        // A file watch needs its directory, a directory watch the directory itself: absent ones are skipped.
        for (String f : READ_WATCHED_FILES) file(rules, selfPid, hostRoot.resolve(f.substring(1)), READ_WRITE);
        for (String f : WRITE_WATCHED_FILES) file(rules, selfPid, hostRoot.resolve(f.substring(1)), WRITE);
        for (String d : READ_WATCHED_DIRS) directory(rules, selfPid, hostRoot.resolve(d.substring(1)), READ_WRITE, ownNamespace);
        for (String d : WRITE_WATCHED_DIRS) directory(rules, selfPid, hostRoot.resolve(d.substring(1)), WRITE, ownNamespace);
        return rules;
    }

    private static void file(List<AuditRule> rules, long selfPid, Path file, int perm) {
        if (Files.isDirectory(file.getParent())) rules.add(AuditRule.watch(selfPid, file.toString(), perm));
    }

    private static void directory(List<AuditRule> rules, long selfPid, Path dir, int perm, boolean ownNamespace) {
        if (!Files.isDirectory(dir)) return;
        rules.add(ownNamespace ? AuditRule.watch(selfPid, dir.toString(), perm) : AuditRule.directory(selfPid, dir.toString(), perm));
    }
}
