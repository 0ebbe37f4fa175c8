package dev.picket.sensor.proc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessTableTest {
    @TempDir
    Path proc; // an empty /proc: every process has already exited

    private ProcessTable table(int capacity) {
        return new ProcessTable(proc, new Workloads(proc, PodResolver.NONE), capacity);
    }

    private static ProcessInfo process(long pid, long ppid, String image) {
        return new ProcessInfo(pid, ppid, image, image + " --run", Workload.HOST);
    }

    @Test
    void ancestorsAreThePidChainFromTheParentUp() {
        ProcessTable t = table(10);
        t.put(process(1, 0, "/sbin/init"));
        t.put(process(10, 1, "/usr/bin/containerd-shim"));
        t.put(process(20, 10, "/bin/sh"));
        assertThat(t.ancestors(20)).extracting(ProcessInfo::image).containsExactly("/bin/sh", "/usr/bin/containerd-shim", "/sbin/init");
    }

    @Test
    void theLeastRecentlyUsedProcessIsForgottenPastTheCapacity() {
        ProcessTable t = table(2);
        t.put(process(1, 0, "/a"));
        t.put(process(2, 0, "/b"));
        t.get(1);
        t.put(process(3, 0, "/c"));
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.get(2)).isNull();
        assertThat(t.get(1)).isNotNull();
    }

    @Test
    void aGoneProcessInheritsItsParentsContainer() throws Exception {
        ProcessTable t = table(10);
        Workload container = new Workload("c".repeat(64), "/upper", null);
        t.put(new ProcessInfo(5, 1, "/bin/sh", "sh", container));
        assertThat(t.workload(6, 5)).isEqualTo(container);
        assertThat(t.workload(7, 99)).as("unknown parent: the host").isEqualTo(Workload.HOST);
    }

    @Test
    void aLiveProcessIsPlacedByItsOwnCgroup() throws Exception {
        String id = "d".repeat(64);
        Path dir = Files.createDirectories(proc.resolve("42"));
        Files.writeString(dir.resolve("cgroup"), "0::/system.slice/docker-" + id + ".scope\n");
        Files.writeString(dir.resolve("mountinfo"), "1 0 0:1 / / rw - overlay overlay rw,upperdir=/var/lib/docker/overlay2/x/diff,workdir=/w\n");
        Workload w = table(10).workload(42, 1);
        assertThat(w.containerId()).isEqualTo(id);
        assertThat(w.upperDir()).isEqualTo("/var/lib/docker/overlay2/x/diff");
    }

    @Test
    void aRememberedProcessWithAnotherParentIsAReusedPid() {
        ProcessTable t = table(10);
        t.put(process(30, 20, "/bin/old"));
        assertThat(t.get(30, 20)).isNotNull();
        assertThat(t.get(30, 21)).as("gone from /proc too: unknown").isNull();
        assertThat(t.get(30)).as("the stale entry is dropped").isNull();
    }
}
