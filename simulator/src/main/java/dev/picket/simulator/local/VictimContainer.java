package dev.picket.simulator.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A locally simulated victim container: an overlay root built from the host's busybox, curl and nmap,
 * new mount, PID, network, UTS and IPC namespaces, its own cgroup (v2), {@code pivot_root}, and a web
 * server with a web shell running as the unprivileged user {@code nginx} without capabilities. A veth
 * pair joins it to the host, whose end carries the stand-ins' addresses: the attacker ({@value #HOST_ADDRESS}),
 * the API server ({@value #API_ADDRESS}) and the metadata service ({@value #METADATA_ADDRESS}). The victim
 * has routes to those alone.
 *
 * <p>Closing it kills the container's PID 1, which ends its PID namespace, unmounts its mount namespace
 * and deletes the veth pair with its network namespace; then the cgroup and the work directory go.
 */
public final class VictimContainer implements AutoCloseable {
    public static final String HOST_ADDRESS = "10.203.0.1";
    public static final String VICTIM_ADDRESS = "10.203.0.2";
    public static final String API_ADDRESS = "10.96.0.1";
    public static final String METADATA_ADDRESS = "169.254.169.254";
    public static final int WEB_PORT = 8080;
    static final String HOST_LINK = "picket-sim0";
    private static final String IMAGE = "picket.local/simulation/victim:busybox";

    private final Path work;
    private final Path cgroup;
    private final Process process;
    private final Victim victim;
    private final FileLock turn;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Kills the container should the JVM end without closing it. */
    private final Thread killOnExit = new Thread(this::killAll);

    private VictimContainer(Path work, Path cgroup, Process process, Victim victim, FileLock turn) {
        this.turn = turn;
        this.work = work;
        this.cgroup = cgroup;
        this.process = process;
        this.victim = victim;
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Builds and starts the victim in a fresh directory under {@code parent}.
     *
     * @param token the service-account token mounted into the victim
     */
    public static VictimContainer start(Path parent, String token) throws IOException, InterruptedException {
        // The stand-ins' addresses are fixed, so local simulations on one machine take turns.
        FileChannel lockFile = FileChannel.open(Path.of(System.getProperty("java.io.tmpdir"), "picket-simulation.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock turn = lockFile.lock();
        try {
            return start(parent, token, turn);
        } catch (IOException | InterruptedException | RuntimeException e) {
            lockFile.close();
            throw e;
        }
    }

    private static VictimContainer start(Path parent, String token, FileLock turn) throws IOException, InterruptedException {
        // A link left by a run that was killed before it could clean up.
        if (Files.exists(Path.of("/sys/class/net", HOST_LINK))) HostCommand.run("ip", "link", "del", HOST_LINK);
        String id = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));
        Path work = Files.createDirectories(parent).resolve("picket-sim-" + id.substring(0, 12));
        Path lower = work.resolve("lower"), upper = work.resolve("upper"), merged = work.resolve("merged");
        Path overlayWork = work.resolve("work");
        for (Path dir : List.of(lower, upper, merged, overlayWork)) Files.createDirectories(dir);
        Path rootfsScript = copyResource("victim-rootfs.sh", work);
        Path initScript = copyResource("victim-init.sh", work);
        // The web shell and the web server's configuration are the cluster victim's own (deploy/simulation/).
        Path webShell = copyResource("/dev/picket/simulator/cluster/ws.php", work);
        Path httpdConf = copyResource("/dev/picket/simulator/cluster/httpd.conf", work);
        HostCommand.run("sh", rootfsScript.toString(), lower.toString(), token, webShell.toString(), httpdConf.toString());

        Path cgroup = Cgroups.v2Root().resolve("picket-simulation").resolve(id);
        Files.createDirectories(cgroup);
        // The shell joins the cgroup first, so unshare and everything in the container start inside it.
        Process process = new ProcessBuilder("sh", "-c", "echo $$ > \"$0/cgroup.procs\" && exec unshare --mount --pid --net --uts --ipc"
                + " --fork --kill-child --propagation private sh \"$1\" \"$2\" \"$3\" \"$4\" \"$5\"",
                cgroup.toString(), initScript.toString(), lower.toString(), upper.toString(), overlayWork.toString(), merged.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("victim.log").toFile()).start();
        VictimContainer container = null;
        try {
            long pid1 = childOf(process.pid());
            container = new VictimContainer(work, cgroup, process, new Victim(id, cgroup, pid1, upper, IMAGE,
                    "picket-simulation", "victim", "victim"), turn);
            HostCommand.run("ip", "link", "add", HOST_LINK, "type", "veth", "peer", "name", "eth0", "netns", Long.toString(pid1));
            for (String address : List.of(HOST_ADDRESS + "/24", API_ADDRESS + "/32", METADATA_ADDRESS + "/32")) {
                HostCommand.run("ip", "addr", "add", address, "dev", HOST_LINK);
            }
            HostCommand.run("ip", "link", "set", HOST_LINK, "up");
            container.awaitWebServer();
            return container;
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (container != null) container.close();
            else {
                process.destroyForcibly();
                deleteTree(work);
            }
            throw e;
        }
    }

    public Victim victim() {
        return victim;
    }

    /** Sends one command to the web shell, as the attacker does, and returns what it printed. */
    public String webShell(String command) throws IOException, InterruptedException {
        URI uri = URI.create("http://" + VICTIM_ADDRESS + ":" + WEB_PORT + "/ws.php?cmd="
                + URLEncoder.encode(command, StandardCharsets.UTF_8).replace("+", "%20"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IOException("web shell: HTTP " + response.statusCode());
        return response.body();
    }

    /** Files the victim wrote: its overlay's upper layer, relative to its root. */
    public List<String> writtenFiles() throws IOException {
        Path upper = victim.upperDir();
        try (Stream<Path> files = Files.walk(upper)) {
            return files.filter(Files::isRegularFile).map(p -> "/" + upper.relativize(p)).sorted().toList();
        }
    }

    private void awaitWebServer() throws IOException, InterruptedException {
        URI index = URI.create("http://" + VICTIM_ADDRESS + ":" + WEB_PORT + "/index.html");
        for (int attempt = 0; ; attempt++) {
            try {
                http.send(HttpRequest.newBuilder(index).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                if (!process.isAlive() || attempt >= 100) {
                    throw new IOException("the victim's web server did not start: " + Files.readString(work.resolve("victim.log")).strip());
                }
                Thread.sleep(100);
            }
        }
    }

    private static long childOf(long pid) throws IOException, InterruptedException {
        Path children = Path.of("/proc", Long.toString(pid), "task", Long.toString(pid), "children");
        for (int attempt = 0; attempt < 100; attempt++) {
            // sh execs unshare, which forks the container's PID 1 as its only child.
            String text = Files.exists(children) ? Files.readString(children).strip() : "";
            if (!text.isEmpty()) return Long.parseLong(text.split(" ")[0]);
            Thread.sleep(50);
        }
        throw new IOException("the victim's PID 1 did not start");
    }

    private static Path copyResource(String name, Path dir) throws IOException {
        Path target = dir.resolve(Path.of(name).getFileName());
        try (InputStream in = VictimContainer.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            Files.copy(in, target);
        }
        return target;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Runtime.getRuntime().removeShutdownHook(killOnExit);
        killAll();
        process.waitFor();
        // The veth pair goes with the network namespace; delete it here too in case the namespace outlives us.
        try {
            HostCommand.run("ip", "link", "del", HOST_LINK);
        } catch (IOException alreadyGone) {
            // deleted with the network namespace, as expected
        }
        for (int attempt = 0; attempt < 100 && Files.exists(cgroup); attempt++) {
            try {
                Files.delete(cgroup);
            } catch (IOException busy) {
                Thread.sleep(100); // processes are still leaving the cgroup
            }
        }
        try {
            Files.deleteIfExists(cgroup.getParent());
        } catch (IOException stillUsed) {
            // another simulation's cgroup is in it
        }
        deleteTree(work);
        turn.channel().close();
    }

    /**
     * Kills unshare (it ignores SIGTERM while it waits) and every process in the container's cgroup: the
     * web server changed user, which clears the parent-death signal unshare's --kill-child relies on.
     */
    private void killAll() {
        process.destroyForcibly();
        try {
            Files.writeString(cgroup.resolve("cgroup.kill"), "1");
        } catch (IOException gone) {
            // the cgroup is already empty and removed
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
