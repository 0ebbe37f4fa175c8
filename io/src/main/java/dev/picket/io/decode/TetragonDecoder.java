package dev.picket.io.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.Origin;

import java.time.Instant;
import java.util.Map;

/**
 * Tetragon JSON export lines ({@code export-stdout}, {@code tetra getevents -o json}) mapped onto
 * the runtime event shape. The record is kept whole under {@code tetragon}.
 *
 * <ul>
 *   <li>{@code process_exec} becomes {@code process_creation}: {@code binary} is {@code Image},
 *       {@code binary} plus {@code arguments} the {@code CommandLine}, {@code cwd},
 *       {@code pid}, {@code user.name} (else the numeric {@code uid}), the parent likewise, and
 *       {@code Ancestors} from the parent upwards.</li>
 *   <li>{@code process_kprobe} / {@code process_lsm} with a {@code file_arg} or {@code path_arg}
 *       become file events; the hook says what was done (write and append permission checks,
 *       truncation, unlink, rename, chmod are {@code file_event}; the rest {@code file_access}).
 *       With a {@code sock_arg} they become {@code network_connection}: {@code tcp_connect} and
 *       send hooks are outbound; {@code inet_csk_accept} is inbound, where, as in Sysmon, the
 *       remote end is the source.</li>
 * </ul>
 * What Tetragon does not say and is therefore absent: {@code ExeInUpperLayer} (it does not report
 * the overlay layer of the executable), {@code container.privileged}, the open flags of a file
 * access, DNS queries. Other event types ({@code process_exit}, {@code process_tracepoint},
 * {@code process_uprobe}, kprobes without a file or socket argument) are skipped.
 */
final class TetragonDecoder implements Decoder<JsonRecord> {
    private static final String[] EVENT_TYPES = {"process_exec", "process_kprobe", "process_lsm", "process_exit",
            "process_tracepoint", "process_uprobe", "process_loader", "process_throttle"};

    /** Hooks whose file argument is changed, by the operation name used in {@code FileOperation}. */
    private static final Map<String, String> FILE_CHANGES = Map.ofEntries(
            Map.entry("security_path_truncate", "write"), Map.entry("security_file_truncate", "write"),
            Map.entry("security_path_unlink", "unlink"), Map.entry("security_inode_unlink", "unlink"),
            Map.entry("path_unlink", "unlink"),
            Map.entry("security_path_rename", "rename"), Map.entry("security_inode_rename", "rename"),
            Map.entry("path_rename", "rename"),
            Map.entry("security_path_chmod", "chmod"), Map.entry("path_chmod", "chmod"),
            Map.entry("security_inode_create", "create"), Map.entry("security_path_mknod", "create"));

    /** Kernel permission mask bits (include/linux/fs.h). */
    private static final int MAY_WRITE = 0x2;
    private static final int MAY_APPEND = 0x8;

    @Override
    public Event decode(JsonRecord record, Origin origin) throws DecodeException {
        ObjectNode r = record.node();
        Instant time = Times.rfc3339(r, "time");
        JsonNode exec = Fields.object(r, "process_exec");
        if (exec != null) return processExec(r, exec, time, origin);
        JsonNode probe = Fields.object(r, "process_kprobe");
        if (probe == null) probe = Fields.object(r, "process_lsm");
        if (probe != null) return probe(r, probe, time, origin);
        if (eventType(r) == null) throw new DecodeException("not a Tetragon event: none of " + String.join(", ", EVENT_TYPES));
        return null;
    }

    static boolean looksLikeTetragon(JsonNode node) {
        return eventType(node) != null && node.has("time");
    }

    private static String eventType(JsonNode node) {
        for (String type : EVENT_TYPES) {
            if (node.has(type)) return type;
        }
        return null;
    }

    private static Event processExec(ObjectNode r, JsonNode exec, Instant time, Origin origin) throws DecodeException {
        JsonNode process = Fields.object(exec, "process");
        if (process == null) throw new DecodeException("process_exec without 'process'");
        RuntimeShape out = new RuntimeShape(RuntimeShape.PROCESS_CREATION, time);
        JsonNode parent = Fields.object(exec, "parent");
        context(out, r, process, parent);
        if (parent != null) out.ancestor(Fields.text(parent, "binary"), commandLine(parent));
        JsonNode ancestors = exec.get("ancestors");
        if (ancestors != null && ancestors.isArray()) {
            for (JsonNode a : ancestors) out.ancestor(Fields.text(a, "binary"), commandLine(a));
        }
        return out.original("tetragon", r).event(origin);
    }

    private static Event probe(ObjectNode r, JsonNode probe, Instant time, Origin origin) throws DecodeException {
        JsonNode process = Fields.object(probe, "process");
        if (process == null) throw new DecodeException("kprobe event without 'process'");
        String function = Fields.text(probe, "function_name");
        JsonNode file = null;
        JsonNode sock = null;
        Integer mask = null;
        JsonNode args = probe.get("args");
        if (args != null && args.isArray()) {
            for (JsonNode arg : args) {
                if (file == null) file = Fields.object(arg, "file_arg");
                if (file == null) file = Fields.object(arg, "path_arg");
                if (sock == null) sock = Fields.object(arg, "sock_arg");
                if (mask == null && arg.has("int_arg")) mask = arg.get("int_arg").intValue();
            }
        }
        RuntimeShape out;
        if (file != null && Fields.text(file, "path") != null) {
            out = fileEvent(function, mask, time).text("TargetFilename", Fields.text(file, "path"));
            JsonNode ret = probe.get("return");
            if (ret != null && ret.has("int_arg")) out.result(ret.get("int_arg").intValue());
        } else if (sock != null) {
            out = network(function, sock, time);
        } else {
            return null;
        }
        context(out, r, process, Fields.object(probe, "parent"));
        return out.original("tetragon", r).event(origin);
    }

    private static RuntimeShape fileEvent(String function, Integer mask, Instant time) {
        String change = function == null ? null : FILE_CHANGES.get(function);
        if (change == null && "security_file_permission".equals(function) && mask != null
                && (mask & (MAY_WRITE | MAY_APPEND)) != 0) {
            change = "write";
        }
        if (change != null) return new RuntimeShape(RuntimeShape.FILE_EVENT, time).text("FileOperation", change);
        String operation = "security_file_permission".equals(function) ? "read" : "open";
        return new RuntimeShape(RuntimeShape.FILE_ACCESS, time).text("FileOperation", operation);
    }

    private static RuntimeShape network(String function, JsonNode sock, Instant time) {
        boolean inbound = function != null && function.contains("accept");
        RuntimeShape out = new RuntimeShape(RuntimeShape.NETWORK_CONNECTION, time);
        String local = Fields.text(sock, "saddr");
        String remote = Fields.text(sock, "daddr");
        JsonNode localPort = sock.get("sport");
        JsonNode remotePort = sock.get("dport");
        out.text("SourceIp", inbound ? remote : local).number("SourcePort", inbound ? remotePort : localPort)
                .text("DestinationIp", inbound ? local : remote).number("DestinationPort", inbound ? localPort : remotePort)
                .flag("Initiated", !inbound);
        String protocol = Fields.text(sock, "protocol");
        if (protocol != null) out.text("Protocol", protocol.replace("IPPROTO_", "").toLowerCase(java.util.Locale.ROOT));
        return out;
    }

    /** The acting process, its parent, and where it ran. */
    private static void context(RuntimeShape out, JsonNode r, JsonNode process, JsonNode parent) {
        out.node(Fields.text(r, "node_name"))
                .text("Image", Fields.text(process, "binary"))
                .text("CommandLine", commandLine(process))
                .number("ProcessId", process.get("pid"))
                .text("CurrentDirectory", Fields.text(process, "cwd"))
                .text("User", user(process));
        if (parent != null) {
            out.text("ParentImage", Fields.text(parent, "binary"))
                    .text("ParentCommandLine", commandLine(parent))
                    .number("ParentProcessId", parent.get("pid"));
        }
        JsonNode pod = Fields.object(process, "pod");
        if (pod != null) {
            JsonNode container = Fields.object(pod, "container");
            out.container(Fields.text(container, "id"), Fields.text(container, "name"),
                    Fields.text(Fields.object(container, "image"), "name"));
            out.pod(Fields.text(pod, "namespace"), Fields.text(pod, "name"), pod.get("pod_labels"));
        }
    }

    private static String user(JsonNode process) {
        String name = Fields.text(Fields.object(process, "user"), "name");
        return name != null ? name : Fields.text(process, "uid");
    }

    /** Tetragon reports argv[1..] as one string beside the binary. */
    private static String commandLine(JsonNode process) {
        String binary = Fields.text(process, "binary");
        String arguments = Fields.text(process, "arguments");
        if (binary == null) return arguments;
        return arguments == null ? binary : binary + " " + arguments;
    }
}
