package dev.picket.io.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.LogSource;
import dev.picket.engine.event.Origin;

import java.time.Instant;

/**
 * Builds an event in the shape of Picket's own runtime events (DESIGN.md, "Runtime events") from
 * another sensor's record, so the same rules fire whichever sensor saw the activity. Empty values
 * are left out rather than written as empty strings: a rule testing a field then sees it missing.
 */
public final class RuntimeShape {
    public static final String PROCESS_CREATION = "process_creation";
    public static final String FILE_ACCESS = "file_access";
    public static final String FILE_EVENT = "file_event";
    public static final String NETWORK_CONNECTION = "network_connection";

    private final ObjectNode root = JsonNodeFactory.instance.objectNode();
    private final String category;
    private final Instant time;

    public RuntimeShape(String category, Instant time) {
        this.category = category;
        this.time = time;
        root.put("time", time.toString());
        root.put("category", category);
    }

    public RuntimeShape text(String field, String value) {
        if (value != null && !value.isEmpty()) root.put(field, value);
        return this;
    }

    /** Sets the field unless an earlier, more precise source already did. */
    public RuntimeShape fallback(String field, String value) {
        return root.has(field) ? this : text(field, value);
    }

    /** {@code Result} from a kernel return value: -1 (EPERM) and -13 (EACCES) are refusals. */
    public RuntimeShape result(int code) {
        return text("Result", code >= 0 ? "ok" : code == -1 || code == -13 ? "denied" : "error");
    }

    /** A number copied from the source record when it is one (or a string of digits). */
    public RuntimeShape number(String field, JsonNode value) {
        if (value == null) return this;
        if (value.isIntegralNumber()) {
            root.put(field, value.longValue());
        } else if (value.isTextual()) {
            try {
                root.put(field, Long.parseLong(value.textValue()));
            } catch (NumberFormatException e) {
                // not a number: left out
            }
        }
        return this;
    }

    /** A structured value (a list of flag names, say), left out when null. */
    public RuntimeShape json(String field, JsonNode value) {
        if (value != null) root.set(field, value);
        return this;
    }

    public RuntimeShape flag(String field, Boolean value) {
        if (value != null) root.put(field, value);
        return this;
    }

    public RuntimeShape node(String name) {
        return text("node", name);
    }

    /** Container context; the runtime prefix of an id ({@code containerd://}) is dropped. */
    public RuntimeShape container(String id, String name, String image) {
        if (id == null || id.isEmpty()) return this;
        ObjectNode container = root.putObject("container");
        int scheme = id.indexOf("://");
        container.put("id", scheme >= 0 ? id.substring(scheme + 3) : id);
        if (name != null && !name.isEmpty()) container.put("name", name);
        if (image != null && !image.isEmpty()) container.put("image", image);
        return this;
    }

    public RuntimeShape privileged(Boolean privileged) {
        if (privileged != null && root.get("container") instanceof ObjectNode container) {
            container.put("privileged", privileged);
        }
        return this;
    }

    /** Pod context; labels are copied when given as an object. */
    public RuntimeShape pod(String namespace, String name, JsonNode labels) {
        if (name == null || name.isEmpty()) return this;
        ObjectNode k8s = root.putObject("k8s");
        if (namespace != null && !namespace.isEmpty()) k8s.put("namespace", namespace);
        k8s.put("pod", name);
        if (labels != null && labels.isObject() && !labels.isEmpty()) k8s.set("labels", labels.deepCopy());
        return this;
    }

    /** Appends one {@code {Image, CommandLine}} entry to {@code Ancestors}. */
    public RuntimeShape ancestor(String image, String commandLine) {
        if (image == null && commandLine == null) return this;
        ArrayNode ancestors = root.get("Ancestors") instanceof ArrayNode a ? a : root.putArray("Ancestors");
        ObjectNode entry = ancestors.addObject();
        if (image != null) entry.put("Image", image);
        if (commandLine != null) entry.put("CommandLine", commandLine);
        return this;
    }

    /** The source record, kept whole under the sensor's name so rules can still use its own fields. */
    public RuntimeShape original(String sensor, ObjectNode record) {
        root.set(sensor, record);
        return this;
    }

    public Event event(Origin origin) {
        return new Event(LogSource.linux(category), time, origin, root);
    }
}
