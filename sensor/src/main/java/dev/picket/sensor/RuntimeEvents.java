package dev.picket.sensor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.event.Origin;
import dev.picket.io.decode.OpenFlags;
import dev.picket.io.decode.RuntimeShape;
import dev.picket.sensor.audit.SocketAddress;
import dev.picket.sensor.audit.SyscallEvent;
import dev.picket.sensor.proc.ContainerStart;
import dev.picket.sensor.proc.Drift;
import dev.picket.sensor.proc.ProcessInfo;
import dev.picket.sensor.proc.ProcessTable;
import dev.picket.sensor.proc.Sockets;
import dev.picket.sensor.proc.Users;
import dev.picket.sensor.proc.Workload;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Turns audited syscalls into Picket runtime events (DESIGN.md): execs into
 * {@code process_creation} (remembered as future parents), opens and changes of watched files into
 * {@code file_access} / {@code file_event}, connects and accepts on IP sockets into
 * {@code network_connection}. Every event names the acting process, its parent and where it runs.
 */
final class RuntimeEvents {
    /** x86-64 syscall numbers the rules ask for (SensorRules) and this class reads. */
    static final int OPEN = 2, OPENAT = 257, OPENAT2 = 437, CREAT = 85, TRUNCATE = 76, FTRUNCATE = 77;
    static final int EXECVE = 59, EXECVEAT = 322, CONNECT = 42, ACCEPT = 43, ACCEPT4 = 288;
    private static final int O_CREAT_WRONLY_TRUNC = 0x241;
    private static final Map<Integer, String> CHANGES = Map.ofEntries(
            Map.entry(82, "rename"), Map.entry(264, "rename"), Map.entry(316, "rename"),
            Map.entry(87, "unlink"), Map.entry(263, "unlink"), Map.entry(84, "unlink"),
            Map.entry(90, "chmod"), Map.entry(91, "chmod"), Map.entry(268, "chmod"), Map.entry(452, "chmod"),
            Map.entry(92, "chmod"), Map.entry(93, "chmod"), Map.entry(94, "chmod"), Map.entry(260, "chmod"),
            Map.entry(86, "create"), Map.entry(265, "create"), Map.entry(88, "create"), Map.entry(266, "create"),
            Map.entry(83, "create"), Map.entry(258, "create"),
            Map.entry(TRUNCATE, "write"), Map.entry(FTRUNCATE, "write"));

    private final String node;
    private final ProcessTable processes;
    private final Users users;
    private final Path hostRoot;
    private final Sockets sockets;

    /**
     * @param hostRoot where the host's file system is visible (see {@link Drift#of})
     */
    RuntimeEvents(String node, ProcessTable processes, Users users, Path hostRoot, Sockets sockets) {
        this.sockets = sockets;
        this.node = node;
        this.processes = processes;
        this.users = users;
        this.hostRoot = hostRoot;
    }

    /** The runtime event for a syscall, or null when it is none the sensor reports. */
    ObjectNode of(SyscallEvent e) {
        return switch (e.syscall()) {
            case EXECVE, EXECVEAT -> e.success() ? exec(e) : null;
            case CONNECT, ACCEPT, ACCEPT4 -> network(e);
            case OPEN, OPENAT, OPENAT2, CREAT -> file(e);
            default -> CHANGES.containsKey(e.syscall()) ? file(e) : null;
        };
    }

    private ObjectNode exec(SyscallEvent e) {
        ProcessInfo parent = processes.get(e.ppid());
        Workload workload = processes.workload(e.pid(), e.ppid());
        String commandLine = e.argv().isEmpty() ? e.title() : e.commandLine();
        processes.put(new ProcessInfo(e.pid(), e.ppid(), e.exe(), commandLine, workload));

        RuntimeShape shape = new RuntimeShape(RuntimeShape.PROCESS_CREATION, time(e));
        actor(shape, e, e.exe(), commandLine, workload);
        if (!workload.host() && workload.upperDir() != null && e.exe() != null) {
            Drift drift = Drift.of(hostRoot, workload.upperDir(), e.exe());
            shape.flag("ExeInUpperLayer", drift != Drift.IMAGE);
            if (drift != Drift.IMAGE) shape.text("ExeDrift", drift == Drift.NEW ? "new" : "modified");
        }
        return root(shape);
    }

    private ObjectNode file(SyscallEvent e) {
        String target = target(e, commandLine(e));
        if (target == null) return null;
        String operation = CHANGES.get(e.syscall());
        ArrayNode flags = null;
        if (operation == null) {
            long raw = switch (e.syscall()) {
                case OPEN -> e.args()[1];
                case OPENAT -> e.args()[2];
                case CREAT -> O_CREAT_WRONLY_TRUNC;
                default -> -1; // openat2 passes its flags in a struct the record does not show
            };
            if (raw >= 0) flags = OpenFlags.names(IntNode.valueOf((int) raw));
            boolean creates = e.paths().stream().anyMatch(p -> "CREATE".equals(p.nameType()) || "PARENT".equals(p.nameType()))
                    && e.paths().stream().noneMatch(p -> "NORMAL".equals(p.nameType()));
            operation = !OpenFlags.writes(flags) ? "open" : creates ? "create" : "write";
        }
        String category = operation.equals("open") ? RuntimeShape.FILE_ACCESS : RuntimeShape.FILE_EVENT;
        RuntimeShape shape = new RuntimeShape(category, time(e));
        acting(shape, e);
        shape.text("TargetFilename", target).text("FileOperation", operation).json("OpenFlags", flags).result((int) e.exit());
        return root(shape);
    }

    private ObjectNode network(SyscallEvent e) {
        return e.syscall() == CONNECT ? connect(e) : accept(e);
    }

    private ObjectNode connect(SyscallEvent e) {
        SocketAddress peer = SocketAddress.parse(e.sockaddr());
        if (peer == null) return null; // a Unix or netlink socket
        RuntimeShape shape = new RuntimeShape(RuntimeShape.NETWORK_CONNECTION, time(e));
        acting(shape, e);
        shape.text("DestinationIp", peer.ip()).number("DestinationPort", IntNode.valueOf(peer.port())).flag("Initiated", true);
        // A non-blocking connect answers EINPROGRESS (-115): the connection is under way, not failed.
        shape.result(e.exit() == -115 ? 0 : (int) e.exit());
        return root(shape);
    }

    /**
     * An inbound connection: the accepting socket's ends from /proc (the record shows no local
     * port, and no peer when the caller did not ask for it), else the peer the record shows.
     */
    private ObjectNode accept(SyscallEvent e) {
        if (!e.success()) return null;
        Sockets.Ends ends = sockets.of(e.pid(), e.exit());
        SocketAddress peer = SocketAddress.parse(e.sockaddr());
        if (ends == null && peer == null) return null; // a Unix socket, or gone before it could be read
        RuntimeShape shape = new RuntimeShape(RuntimeShape.NETWORK_CONNECTION, time(e));
        acting(shape, e);
        if (ends != null) {
            shape.text("SourceIp", ends.remoteIp()).number("SourcePort", IntNode.valueOf(ends.remotePort()))
                    .text("DestinationIp", ends.localIp()).number("DestinationPort", IntNode.valueOf(ends.localPort()))
                    .text("Protocol", "tcp");
        } else {
            shape.text("SourceIp", peer.ip()).number("SourcePort", IntNode.valueOf(peer.port()));
        }
        shape.flag("Initiated", false).result(0);
        return root(shape);
    }

    /** A container seen for the first time: its id (pod, when known), whether it is privileged, and its mounts. */
    ObjectNode containerStart(ContainerStart start, Instant time) {
        RuntimeShape shape = new RuntimeShape("container_start", time);
        shape.node(node);
        place(shape, start.workload());
        shape.privileged(start.privileged());
        ObjectNode root = root(shape);
        ArrayNode mounts = ((ObjectNode) root.get("container")).putArray("mounts");
        for (ContainerStart.Mount m : start.mounts()) {
            mounts.addObject().put("source", m.source()).put("destination", m.destination()).put("type", m.type()).put("readOnly", m.readOnly());
        }
        return root;
    }

    /** The acting process of a non-exec event: as remembered from its exec, else as the record shows it. */
    private void acting(RuntimeShape shape, SyscallEvent e) {
        ProcessInfo known = processes.get(e.pid(), e.ppid());
        Workload workload = known != null ? known.workload() : processes.workload(e.pid(), e.ppid());
        actor(shape, e, e.exe(), commandLine(e), workload);
    }

    /** As remembered from the process's exec, else its title (which the kernel may still hold from before the exec). */
    private String commandLine(SyscallEvent e) {
        ProcessInfo known = processes.get(e.pid(), e.ppid());
        return known != null && known.commandLine() != null && !known.commandLine().isEmpty() ? known.commandLine() : e.title();
    }

    private void actor(RuntimeShape shape, SyscallEvent e, String image, String commandLine, Workload workload) {
        shape.node(node);
        shape.number("ProcessId", LongNode.valueOf(e.pid())).number("ParentProcessId", LongNode.valueOf(e.ppid()));
        shape.text("Image", image).text("CommandLine", commandLine);
        shape.text("User", workload.host() || e.uid() == 0 ? users.name(e.uid()) : Long.toString(e.uid()));
        shape.text("CurrentDirectory", e.cwd());
        List<ProcessInfo> ancestors = processes.ancestors(e.ppid());
        if (!ancestors.isEmpty()) {
            shape.text("ParentImage", ancestors.getFirst().image()).text("ParentCommandLine", ancestors.getFirst().commandLine());
        }
        for (ProcessInfo a : ancestors) shape.ancestor(a.image(), a.commandLine());
        place(shape, workload);
    }

    /** Host processes are marked; container ones carry the container and, when known, the pod. */
    private static void place(RuntimeShape shape, Workload workload) {
        if (workload.host()) {
            shape.flag("host", true);
        } else {
            shape.container(workload.containerId(), null, null);
            if (workload.pod() != null) {
                ObjectNode labels = JsonNodeFactory.instance.objectNode();
                workload.pod().labels().forEach(labels::put);
                shape.pod(workload.pod().namespace(), workload.pod().name(), labels);
            }
        }
    }

    /**
     * The file the syscall acted on: the last PATH item that is not a parent directory, made
     * absolute against the working directory when the caller named it relatively. A create the
     * kernel refused shows only the parent directory (the record cuts the name after it); the file
     * is then the command line's argument that names a file in that directory.
     */
    private static String target(SyscallEvent e, String commandLine) {
        String name = null;
        String parent = null;
        for (SyscallEvent.PathItem p : e.paths()) {
            if (p.name() == null) continue;
            if ("PARENT".equals(p.nameType())) parent = p.name();
            else name = p.name();
        }
        if (name != null) return absolute(e, name);
        if (parent == null || commandLine == null) return null;
        Path dir = Path.of(absolute(e, parent));
        String found = null;
        for (String argument : commandLine.split(" ")) {
            if (argument.isEmpty() || argument.startsWith("-")) continue;
            Path file = Path.of(absolute(e, argument));
            if (dir.equals(file.getParent())) found = file.toString();
        }
        return found;
    }

    private static String absolute(SyscallEvent e, String name) {
        if (name.startsWith("/") || e.cwd() == null) return Path.of(name).normalize().toString();
        return Path.of(e.cwd()).resolve(name).normalize().toString();
    }

    private static Instant time(SyscallEvent e) {
        return Instant.ofEpochMilli(e.epochMillis());
    }

    private static ObjectNode root(RuntimeShape shape) {
        return shape.event(Origin.UNKNOWN).root();
    }
}
