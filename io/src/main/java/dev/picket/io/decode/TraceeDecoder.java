package dev.picket.io.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.Origin;

import java.time.Instant;
import java.util.Set;

/**
 * Tracee events written with {@code --output json} (the event layout with {@code eventName},
 * {@code processName}, {@code args} as {@code {name, type, value}}, container and pod either as
 * {@code containerId}/{@code podName}/… or as {@code container}/{@code kubernetes} objects),
 * mapped onto the runtime event shape. The event is kept whole under {@code tracee}.
 *
 * <ul>
 *   <li>{@code sched_process_exec}: {@code process_creation}; {@code Image} from the
 *       {@code pathname} argument, {@code CommandLine} from {@code argv}.</li>
 *   <li>{@code security_file_open}, {@code open}, {@code openat}, {@code openat2}:
 *       {@code file_access}, or {@code file_event} when the flags ask for writing;
 *       {@code security_inode_unlink}: {@code file_event} unlink.</li>
 *   <li>{@code security_socket_connect}: outbound {@code network_connection} to
 *       {@code remote_addr}.</li>
 * </ul>
 * Host process ids ({@code hostProcessId}) are used, as they are unique on the node. Tracee does
 * not give the parent's executable or command line, the working directory, the user's name (only
 * {@code userId}, used as {@code User}) or the overlay layer of the executable; those fields are
 * absent. Other events, and the protobuf-style layout of newer releases ({@code name},
 * {@code workload}, {@code data}), are not mapped: the former are skipped, the latter reported.
 */
final class TraceeDecoder implements Decoder<JsonRecord> {
    private static final Set<String> OPENS = Set.of("security_file_open", "open", "openat", "openat2");

    @Override
    public Event decode(JsonRecord record, Origin origin) throws DecodeException {
        ObjectNode r = record.node();
        String name = Fields.text(r, "eventName");
        if (name == null) throw new DecodeException("not a Tracee event: no 'eventName'");
        JsonNode timestamp = r.get("timestamp");
        if (timestamp == null) throw new DecodeException("Tracee event has no 'timestamp'");
        Instant time = Times.epochNanos(timestamp, "timestamp");
        RuntimeShape out;
        if (name.equals("sched_process_exec")) {
            out = new RuntimeShape(RuntimeShape.PROCESS_CREATION, time);
            String image = arg(r, "pathname");
            if (image == null) image = arg(r, "cmdpath");
            if (image == null) image = Fields.text(Fields.object(r, "executable"), "path");
            out.text("Image", image).text("CommandLine", argv(r, image));
        } else if (OPENS.contains(name)) {
            ArrayNode flags = OpenFlags.names(argValue(r, "flags"));
            out = OpenFlags.writes(flags)
                    ? new RuntimeShape(RuntimeShape.FILE_EVENT, time).text("FileOperation", "write")
                    : new RuntimeShape(RuntimeShape.FILE_ACCESS, time).text("FileOperation", "open");
            out.text("TargetFilename", arg(r, "pathname")).json("OpenFlags", flags);
            JsonNode ret = r.get("returnValue");
            if (ret != null && ret.isIntegralNumber()) out.result(ret.intValue());
        } else if (name.equals("security_inode_unlink")) {
            out = new RuntimeShape(RuntimeShape.FILE_EVENT, time).text("FileOperation", "unlink")
                    .text("TargetFilename", arg(r, "pathname"));
        } else if (name.equals("security_socket_connect")) {
            JsonNode remote = argValue(r, "remote_addr");
            if (remote == null || !remote.isObject()) return null;
            String ip = Fields.text(remote, "sin_addr");
            JsonNode port = remote.get("sin_port");
            if (ip == null) {
                ip = Fields.text(remote, "sin6_addr");
                port = remote.get("sin6_port");
            }
            if (ip == null) return null; // a unix socket: no network peer
            out = new RuntimeShape(RuntimeShape.NETWORK_CONNECTION, time)
                    .text("DestinationIp", ip).number("DestinationPort", port).flag("Initiated", true);
        } else {
            return null;
        }
        context(out, r);
        return out.original("tracee", r).event(origin);
    }

    static boolean looksLikeTracee(JsonNode node) {
        return node.has("eventName") && node.has("processName");
    }

    private static void context(RuntimeShape out, JsonNode r) {
        JsonNode pid = r.get("hostProcessId") != null ? r.get("hostProcessId") : r.get("processId");
        JsonNode ppid = r.get("hostParentProcessId") != null ? r.get("hostParentProcessId") : r.get("parentProcessId");
        out.node(Fields.text(r, "hostName"))
                .number("ProcessId", pid)
                .number("ParentProcessId", ppid)
                .text("User", Fields.text(r, "userId"));
        out.fallback("Image", Fields.text(Fields.object(r, "executable"), "path"));
        JsonNode container = Fields.object(r, "container");
        JsonNode k8s = Fields.object(r, "kubernetes");
        out.container(either(Fields.text(container, "id"), Fields.text(r, "containerId")),
                either(Fields.text(container, "name"), Fields.text(r, "containerName")),
                either(Fields.text(container, "image"), Fields.text(r, "containerImage")));
        out.pod(either(Fields.text(k8s, "podNamespace"), Fields.text(r, "podNamespace")),
                either(Fields.text(k8s, "podName"), Fields.text(r, "podName")), null);
    }

    private static String either(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static JsonNode argValue(JsonNode r, String name) {
        JsonNode args = r.get("args");
        if (args == null || !args.isArray()) return null;
        for (JsonNode arg : args) {
            if (name.equals(Fields.text(arg, "name"))) return arg.get("value");
        }
        return null;
    }

    private static String arg(JsonNode r, String name) {
        JsonNode v = argValue(r, name);
        return v != null && v.isValueNode() && !v.isNull() && !v.asText().isEmpty() ? v.asText() : null;
    }

    private static String argv(JsonNode r, String image) {
        JsonNode argv = argValue(r, "argv");
        if (argv == null || !argv.isArray() || argv.isEmpty()) return image;
        StringBuilder line = new StringBuilder();
        for (JsonNode a : argv) {
            if (!line.isEmpty()) line.append(' ');
            line.append(a.asText());
        }
        return line.toString();
    }
}
