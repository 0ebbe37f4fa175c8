package dev.picket.simulator.local;

import dev.picket.simulator.EmbeddedPicket;
import dev.picket.simulator.Simulation;
import dev.picket.simulator.ingest.PicketIngest;
import dev.picket.simulator.scenario.Scenarios;
import dev.picket.simulator.verdict.AlertWatcher;
import dev.picket.simulator.verdict.Outcome;
import dev.picket.simulator.verdict.ScenarioResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Local mode for real: needs root (namespaces, overlay, cgroup v2, veth); skipped otherwise. */
class LocalTargetTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void root() throws IOException {
        assumeTrue(Files.readString(Path.of("/proc/self/status")).lines()
                .anyMatch(l -> l.matches("Uid:\\s+0\\s.*")), "local mode needs root");
    }

    @Test
    void victimIsAnUnprivilegedJailWithItsOwnRoot() throws Exception {
        try (LocalTarget target = LocalTarget.start(tmp.resolve("work"), (kind, event) -> { }, null)) {
            String out = target.container().webShell("id; grep CapEff /proc/self/status; hostname; "
                    + "touch /etc/ld.so.preload || echo touch-denied; modprobe msr 2>/dev/null || echo modprobe-failed; "
                    + "find / -name .git-credentials 2>/dev/null; echo pid1=$(cat /proc/1/comm)");
            assertThat(out).contains("uid=101(nginx)", "CapEff:\t0000000000000000", "victim", "touch-denied", "modprobe-failed",
                    "pid1=httpd");
            assertThat(out.lines().filter(l -> l.endsWith(".git-credentials"))).containsExactly("/home/user/.git-credentials");
        }
    }

    @Test
    void hostIsUnchangedAfterwards() throws Exception {
        HostState before = HostState.take();
        Path marker = Files.createFile(tmp.resolve("marker"));
        List<String> written;
        try (EmbeddedPicket picket = new EmbeddedPicket(tmp.resolve("data"));
             LocalTarget target = LocalTarget.start(tmp.resolve("work"), new PicketIngest(picket.api()), null)) {
            new Simulation(target, new AlertWatcher(picket.api(), Clock.systemUTC(), Duration.ofMillis(200)), Clock.systemUTC(), l -> { })
                    .run(List.of(Scenarios.builtIn().get("crypto")), Duration.ofSeconds(2));
            written = target.container().writtenFiles();
        }
        assertThat(written).as("what the crypto scenario wrote stays in the victim's upper layer").contains("/var/www/xmrig");
        assertThat(HostState.take()).isEqualTo(before);
        assertThat(Path.of("/etc/ld.so.preload")).doesNotExist();
        assertThat(newerThan(marker, Path.of("/etc"), Path.of("/usr"), Path.of("/home"), Path.of("/var/www"))).isEmpty();
        try (Stream<Path> left = Files.list(tmp.resolve("work"))) {
            assertThat(left).as("the victim's directory is gone").isEmpty();
        }
    }

    @Test
    void allRunsThroughTheJailWatchedByTheSensorAndRaisesItsAlerts() throws Exception {
        List<String> progress = new ArrayList<>();
        ScenarioResult result;
        try (EmbeddedPicket picket = new EmbeddedPicket(tmp.resolve("data"));
             LocalTarget target = LocalTarget.start(tmp.resolve("work"), new PicketIngest(picket.api()), new NodeSensor())) {
            result = new Simulation(target, new AlertWatcher(picket.api(), Clock.systemUTC(), Duration.ofMillis(200)),
                    Clock.systemUTC(), progress::add).run(List.of(Scenarios.builtIn().get("all")), Duration.ofSeconds(15)).getFirst();
        }
        assertThat(progress).anyMatch(l -> l.contains("\"allowed\":false"))
                .anyMatch(l -> l.contains("Nmap scan report for kubernetes.default (10.96.0.1)"))
                .anyMatch(l -> l.contains("role picket-simulation-node-role"))
                .anyMatch(l -> l.contains("/home/user/.git-credentials: https://simulated-user"))
                .anyMatch(l -> l.contains("touch /etc/ld.so.preload: not permitted"))
                .anyMatch(l -> l.contains("xmrig ran"));
        assertThat(result.note()).as("the sensor started").isNull();
        // Raised by the engine from the sensor's events and the API stand-in's audit event: every one.
        assertThat(result.outcomes()).filteredOn(Outcome::fired).extracting(o -> o.expected().id()).containsExactlyInAnyOrder(
                "proc-webshell-activity", "proc-encoded-payload-exec", "audit-sa-anomalous-operation", "net-k8s-api-from-workload",
                "proc-network-scanner", "net-imds-access", "proc-secret-reconnaissance", "proc-cpu-optimization-for-mining",
                "proc-miner-download", "proc-download-and-execute", "proc-drift-binary-exec", "proc-miner-execution",
                "net-ti-destination", "file-sa-token-read", "file-sensitive-credential-files", "file-ld-so-preload");
    }

    private static List<Path> newerThan(Path marker, Path... roots) throws IOException {
        long since = Files.getLastModifiedTime(marker).toMillis();
        List<Path> changed = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) continue;
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> {
                    try {
                        return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis() > since;
                    } catch (IOException gone) {
                        return false;
                    }
                }).forEach(changed::add);
            }
        }
        return changed;
    }

    /** What local mode must leave as it found it: kernel modules (built in or loaded), mounts, network links and addresses, cgroups. */
    private record HostState(List<String> modules, List<String> mounts, List<String> links, String addresses, List<String> cgroups) {
        static HostState take() throws IOException, InterruptedException {
            Path cg = Cgroups.v2Root();
            try (Stream<Path> links = Files.list(Path.of("/sys/class/net")); Stream<Path> groups = Files.list(cg);
                 Stream<Path> modules = Files.list(Path.of("/sys/module"))) {
                return new HostState(modules.map(p -> p.getFileName().toString()).sorted().toList(),
                        Files.readAllLines(Path.of("/proc/self/mountinfo")),
                        links.map(p -> p.getFileName().toString()).sorted().toList(),
                        HostCommand.run("ip", "-o", "addr"),
                        groups.map(p -> p.getFileName().toString()).sorted().toList());
            }
        }
    }
}
