package dev.picket.io.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.Origin;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * Falco alerts written with {@code json_output: true}, mapped onto the runtime event shape from
 * their {@code output_fields}. The alert is kept whole under {@code falco} (its {@code rule},
 * {@code priority}, {@code tags} and every output field stay addressable, e.g.
 * {@code falco.output_fields.proc.cmdline}).
 *
 * <p>The category follows {@code evt.type}: exec calls are {@code process_creation}; opens are
 * {@code file_access}, or {@code file_event} when {@code evt.is_open_write} is true or the flags
 * ask for writing; unlink, rename and chmod calls are {@code file_event}; {@code connect} and
 * {@code accept} are {@code network_connection} ({@code fd.cip}/{@code fd.cport} the client as
 * source, {@code fd.sip}/{@code fd.sport} the server as destination, as Sysmon reports both
 * directions). Without {@code evt.type}, socket fields make a network event, a path in
 * {@code fd.name} a file access, anything else a process event.
 *
 * <p>Only the fields the Falco rule put in its output exist, so an alert carries less than a
 * sensor event: {@code Ancestors} beyond the parent, {@code QueryName} and exit results are never
 * there, {@code ParentImage} falls back to {@code proc.pname} without {@code proc.pexepath}. Falco's
 * {@code <NA>} placeholder counts as absent; container id {@code host} means no container.
 * Alerts of plugin sources ({@code k8s_audit}, {@code aws_cloudtrail}, …) describe no process
 * activity and are skipped; read the audit log itself instead.
 */
final class FalcoDecoder implements Decoder<JsonRecord> {
    private static final Set<String> EXEC = Set.of("execve", "execveat");
    private static final Set<String> OPEN = Set.of("open", "openat", "openat2", "creat");
    private static final Set<String> UNLINK = Set.of("unlink", "unlinkat");
    private static final Set<String> RENAME = Set.of("rename", "renameat", "renameat2");
    private static final Set<String> CHMOD = Set.of("chmod", "fchmod", "fchmodat");
    private static final Set<String> CONNECT = Set.of("connect");
    private static final Set<String> ACCEPT = Set.of("accept", "accept4");

    @Override
    public Event decode(JsonRecord record, Origin origin) throws DecodeException {
        ObjectNode alert = record.node();
        String source = Fields.text(alert, "source");
        if (source != null && !source.equals("syscall")) return null;
        JsonNode f = Fields.object(alert, "output_fields");
        if (f == null) throw new DecodeException("Falco alert without 'output_fields'");
        Instant time = Times.rfc3339(alert, "time");
        String type = value(f, "evt.type");
        RuntimeShape out = shape(type, f, time);
        String node = Fields.text(alert, "hostname");
        out.node(node != null ? node : value(f, "evt.hostname"))
                .text("Image", first(f, "proc.exepath", "proc.exe", "proc.name"))
                .text("CommandLine", value(f, "proc.cmdline"))
                .number("ProcessId", f.get("proc.pid"))
                .text("ParentImage", first(f, "proc.pexepath", "proc.pname"))
                .text("ParentCommandLine", value(f, "proc.pcmdline"))
                .number("ParentProcessId", f.get("proc.ppid"))
                .text("User", value(f, "user.name"))
                .text("CurrentDirectory", value(f, "proc.cwd"))
                .flag("ExeInUpperLayer", bool(f, "proc.is_exe_upper_layer"));
        String container = value(f, "container.id");
        if (container != null && !container.equals("host")) {
            out.container(container, value(f, "container.name"), image(f)).privileged(bool(f, "container.privileged"));
        }
        out.pod(value(f, "k8s.ns.name"), value(f, "k8s.pod.name"), null);
        return out.original("falco", alert).event(origin);
    }

    static boolean looksLikeFalco(JsonNode node) {
        return node.has("output_fields") && node.has("rule") && node.has("priority");
    }

    private static RuntimeShape shape(String type, JsonNode f, Instant time) {
        if (type == null) {
            if (value(f, "fd.sip") != null || value(f, "fd.rip") != null) return network(f, time, true);
            String name = value(f, "fd.name");
            if (name != null && name.startsWith("/")) return file(RuntimeShape.FILE_ACCESS, "open", f, time);
            return new RuntimeShape(RuntimeShape.PROCESS_CREATION, time);
        }
        if (EXEC.contains(type)) return new RuntimeShape(RuntimeShape.PROCESS_CREATION, time);
        if (OPEN.contains(type)) {
            ArrayNode flags = OpenFlags.names(f.get("evt.arg.flags"));
            boolean write = Boolean.TRUE.equals(bool(f, "evt.is_open_write")) || OpenFlags.writes(flags);
            RuntimeShape out = write ? file(RuntimeShape.FILE_EVENT, "write", f, time) : file(RuntimeShape.FILE_ACCESS, "open", f, time);
            return out.json("OpenFlags", flags);
        }
        if (UNLINK.contains(type)) return file(RuntimeShape.FILE_EVENT, "unlink", f, time);
        if (RENAME.contains(type)) return file(RuntimeShape.FILE_EVENT, "rename", f, time);
        if (CHMOD.contains(type)) return file(RuntimeShape.FILE_EVENT, "chmod", f, time);
        if (CONNECT.contains(type)) return network(f, time, true);
        if (ACCEPT.contains(type)) return network(f, time, false);
        return new RuntimeShape(RuntimeShape.PROCESS_CREATION, time);
    }

    private static RuntimeShape file(String category, String operation, JsonNode f, Instant time) {
        String path = first(f, "fd.name", "evt.arg.name", "evt.arg.path", "fs.path.name");
        return new RuntimeShape(category, time).text("TargetFilename", path).text("FileOperation", operation);
    }

    private static RuntimeShape network(JsonNode f, Instant time, boolean initiated) {
        return new RuntimeShape(RuntimeShape.NETWORK_CONNECTION, time)
                .text("SourceIp", value(f, "fd.cip")).number("SourcePort", f.get("fd.cport"))
                .text("DestinationIp", value(f, "fd.sip")).number("DestinationPort", f.get("fd.sport"))
                .text("Protocol", value(f, "fd.l4proto"))
                .flag("Initiated", initiated);
    }

    private static String image(JsonNode f) {
        String repository = value(f, "container.image.repository");
        String tag = value(f, "container.image.tag");
        if (repository == null) return value(f, "container.image");
        return tag == null ? repository : repository + ":" + tag;
    }

    private static String first(JsonNode f, String... fields) {
        for (String field : fields) {
            String v = value(f, field);
            if (v != null) return v;
        }
        return null;
    }

    /** An output field's text; Falco writes {@code <NA>} for a field it could not fill. */
    private static String value(JsonNode f, String field) {
        String v = Fields.text(f, field);
        return v == null || v.equals("<NA>") ? null : v;
    }

    private static Boolean bool(JsonNode f, String field) {
        JsonNode v = f.get(field);
        if (v == null) return null;
        if (v.isBoolean()) return v.booleanValue();
        String text = v.asText().toLowerCase(Locale.ROOT);
        return text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : null;
    }
}
