package dev.picket.engine.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One decoded record, read-only: its log source, its time, where it came from, and its fields by
 * dotted path. A path that crosses a JSON array visits every element, so a test over the path
 * holds when it holds for any element. Fields no decoder knows are kept and addressable.
 *
 * <p>The tree must not be modified once it is wrapped in an event.
 */
public final class Event {
    private final LogSource logSource;
    private final Instant time;
    private final Origin origin;
    private final ObjectNode root;
    /**
     * The objects of the tree with a key that contains a dot (annotations, labels): only there can
     * a path's segments join into one key, so everywhere else one lookup per segment suffices.
     */
    private final JsonNode[] dotted;

    public Event(LogSource logSource, Instant time, Origin origin, ObjectNode root) {
        this.logSource = Objects.requireNonNull(logSource, "logSource");
        this.time = Objects.requireNonNull(time, "time");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.root = Objects.requireNonNull(root, "root");
        List<JsonNode> found = new ArrayList<>(0);
        collectDotted(root, found);
        this.dotted = found.isEmpty() ? NONE : found.toArray(JsonNode[]::new);
    }

    private static final JsonNode[] NONE = {};

    private static void collectDotted(JsonNode node, List<JsonNode> found) {
        if (node.isObject()) {
            boolean added = false;
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!added && field.getKey().indexOf('.') >= 0) {
                    found.add(node);
                    added = true;
                }
                if (field.getValue().isContainerNode()) collectDotted(field.getValue(), found);
            }
        } else if (node.isArray()) {
            for (int i = 0, n = node.size(); i < n; i++) {
                JsonNode element = node.get(i);
                if (element.isContainerNode()) collectDotted(element, found);
            }
        }
    }

    public LogSource logSource() {
        return logSource;
    }

    public Instant time() {
        return time;
    }

    public Origin origin() {
        return origin;
    }

    /** The decoded record. Read-only by contract: rules, correlation and alerting share it. */
    public ObjectNode root() {
        return root;
    }

    /** True when any value at the path (array elements visited) satisfies the test. */
    public boolean anyValue(FieldPath path, Predicate<JsonNode> test) {
        return visit(root, path, 0, test);
    }

    private boolean isDotted(JsonNode node) {
        for (JsonNode d : dotted) {
            if (d == node) return true;
        }
        return false;
    }

    /** Every value at the path, arrays crossed and flattened at the leaf. Missing path: empty. */
    public List<JsonNode> values(FieldPath path) {
        List<JsonNode> out = new ArrayList<>(2);
        visit(root, path, 0, v -> {
            out.add(v);
            return false;
        });
        return out;
    }

    /** The first textual value at the path, or null. */
    public String text(FieldPath path) {
        String[] found = new String[1];
        visit(root, path, 0, v -> {
            if (v.isValueNode() && !v.isNull()) {
                found[0] = v.asText();
                return true;
            }
            return false;
        });
        return found[0];
    }

    private boolean visit(JsonNode node, FieldPath path, int from, Predicate<JsonNode> test) {
        if (node.isArray()) {
            for (int i = 0, n = node.size(); i < n; i++) { // indexed: an iterator would be garbage per lookup
                if (visit(node.get(i), path, from, test)) return true;
            }
            return false;
        }
        if (from == path.size()) return test.test(node);
        if (!node.isObject()) return false;
        if (from == path.size() - 1 || !isDotted(node)) {
            JsonNode child = node.get(path.segment(from));
            return child != null && visit(child, path, from + 1, test);
        }
        for (int to = path.size() - 1; to >= from; to--) {
            JsonNode child = node.get(path.key(from, to));
            if (child != null) return visit(child, path, to + 1, test);
        }
        return false;
    }

    @Override
    public String toString() {
        return logSource + " @ " + origin + " " + time;
    }
}
