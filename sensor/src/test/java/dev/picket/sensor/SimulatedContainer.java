package dev.picket.sensor;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A container made by hand, as a runtime makes one: a cgroup v2 directory named like Docker's
 * ({@code docker-<id>.scope}), new mount, pid, network and UTS namespaces, and an overlay root
 * whose lower layer (the "image") is a busybox file system. The overlay is mounted inside the new
 * mount namespace, so it disappears with the container; the cgroup directory and files are removed
 * by {@link #close}, whatever the test's outcome.
 */
final class SimulatedContainer implements AutoCloseable {
    private static final Path BUSYBOX = Path.of("/bin/busybox");

    final String id;
    final Path dir;
    final Path cgroup;

    private SimulatedContainer(String id, Path dir, Path cgroup) {
        this.id = id;
        this.dir = dir;
        this.cgroup = cgroup;
    }

    static SimulatedContainer create() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(BUSYBOX), "a static busybox is needed for the container's image (bin/test installs busybox-static)");
        Path cgroup2 = cgroup2Mount();
        Assumptions.assumeTrue(cgroup2 != null, "no cgroup v2 hierarchy is mounted");
        byte[] random = new byte[32];
        new Random().nextBytes(random);
        String id = HexFormat.of().formatHex(random);
        Path dir = Files.createTempDirectory("picket-container");
        Path lower = dir.resolve("lower");
        Files.createDirectories(lower.resolve("bin"));
        Files.createDirectories(lower.resolve("tmp"));
        Files.copy(BUSYBOX, lower.resolve("bin/busybox"));
        for (String applet : new String[] {"sh", "true", "cp", "sleep", "cat"}) {
            Files.createSymbolicLink(lower.resolve("bin").resolve(applet), Path.of("busybox"));
        }
        for (String d : new String[] {"upper", "work", "merged"}) Files.createDirectories(dir.resolve(d));
        Path cgroup = Files.createDirectories(cgroup2.resolve("picket-test.slice").resolve("docker-" + id + ".scope"));
        return new SimulatedContainer(id, dir, cgroup);
    }

    /** Runs a busybox shell script as the container's first process and waits for it to end. */
    int run(String script) throws IOException, InterruptedException {
        String inside = "mount -t overlay overlay -o lowerdir=" + dir.resolve("lower") + ",upperdir=" + dir.resolve("upper")
                + ",workdir=" + dir.resolve("work") + " " + dir.resolve("merged")
                + " && exec chroot " + dir.resolve("merged") + " /bin/sh -c '" + script + "'";
        String outside = "echo $$ > " + cgroup.resolve("cgroup.procs")
                + " && exec unshare --mount --propagation private --pid --net --uts --fork /bin/sh -c \"" + inside + "\"";
        Process p = new ProcessBuilder("/bin/sh", "-c", outside).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        int exit = p.waitFor();
        if (exit != 0) System.err.println("container output: " + output);
        return exit;
    }

    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(cgroup); // empty once the container's processes have ended
            Files.deleteIfExists(cgroup.getParent());
        } catch (IOException e) {
            // another test's container may still use the parent
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        }
    }

    private static Path cgroup2Mount() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            String[] f = line.split(" ");
            int dash = line.indexOf(" - cgroup2 ");
            if (dash > 0) return Path.of(f[4]);
        }
        return null;
    }
}
