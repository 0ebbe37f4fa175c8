package dev.picket.simulator.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the unified (v2) cgroup hierarchy is mounted: {@code /sys/fs/cgroup} on pure v2 hosts, {@code …/unified} on hybrid ones. */
final class Cgroups {
    private Cgroups() {
    }

    static Path v2Root() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            // ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL...] - FSTYPE SOURCE SUPER
            String[] halves = line.split(" - ", 2);
            if (halves.length == 2 && halves[1].startsWith("cgroup2 ")) return Path.of(halves[0].split(" ")[4]);
        }
        throw new IOException("no cgroup v2 hierarchy is mounted");
    }
}
