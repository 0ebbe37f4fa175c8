package dev.picket.posture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.event.Event;
import dev.picket.engine.sigma.DetectionRule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds which fields of an object make a rule fire, without the rule having to say: the rule is
 * re-evaluated on copies of the event with {@code requestObject} values taken away. A greedy pass
 * removes every value whose removal keeps the rule firing; what is left is a minimal set of values
 * the match needs (one offending container's {@code privileged: true}; a Service's {@code type} and
 * {@code selector} together). Those values are then taken from the object and the search repeats, so
 * every offending container is found, up to {@link #MAX_LOCATIONS}. Costs one evaluation of the rule
 * (with its filters) per value per location, microseconds each - fine for a scan and for admission,
 * where it runs only for rules that fired.
 */
final class FieldLocator {
    static final int MAX_LOCATIONS = 16;
    private static final Set<String> CONTAINER_LISTS = Set.of("containers", "initContainers", "ephemeralContainers");

    private FieldLocator() {
    }

    static List<Location> locate(Event event, DetectionRule rule) {
        ObjectNode root = event.root().deepCopy();
        List<Location> out = new ArrayList<>();
        while (out.size() < MAX_LOCATIONS && fires(event, root, rule)) {
            ObjectNode scratch = root.deepCopy();
            List<Leaf> essential = new ArrayList<>();
            for (Leaf leaf : leaves(scratch)) {
                leaf.remove();
                if (!fires(event, scratch, rule)) {
                    leaf.restore();
                    essential.add(leaf);
                }
            }
            if (essential.isEmpty()) {
                out.add(new Location(null, List.of())); // fires on an absence: no value to point at
                break;
            }
            String container = essential.stream().map(Leaf::container).filter(c -> c != null).findFirst().orElse(null);
            out.add(new Location(container, essential.stream().map(Leaf::path).toList()));
            List<String> paths = essential.stream().map(Leaf::path).toList();
            for (Leaf leaf : leaves(root)) {
                if (paths.contains(leaf.path())) leaf.remove();
            }
        }
        out.sort(Comparator.comparing(l -> l.fields().isEmpty() ? "" : l.fields().get(0)));
        return out;
    }

    /** The event's own tree stays untouched (alerts carry it); candidates are judged as fresh events. */
    private static boolean fires(Event original, ObjectNode root, DetectionRule rule) {
        return rule.matches(new Event(original.logSource(), original.time(), original.origin(), root));
    }

    private static List<Leaf> leaves(ObjectNode root) {
        List<Leaf> out = new ArrayList<>();
        JsonNode object = root.get("requestObject");
        if (object != null) walk(object, "", null, out);
        return out;
    }

    private static void walk(JsonNode node, String path, String container, List<Leaf> out) {
        if (node instanceof ObjectNode o) {
            for (String key : keys(o)) {
                JsonNode child = o.get(key);
                String childPath = path.isEmpty() ? key : path + "." + key;
                if (child.isContainerNode()) {
                    boolean containers = CONTAINER_LISTS.contains(key) && child.isArray();
                    walkChildren(child, childPath, container, containers, out);
                } else {
                    out.add(new Leaf(o, key, -1, childPath, container));
                }
            }
        }
    }

    private static void walkChildren(JsonNode node, String path, String container, boolean containers, List<Leaf> out) {
        if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode element = a.get(i);
                String elementPath = path + "[" + i + "]";
                String c = containers ? element.path("name").asText(null) : container;
                if (element.isContainerNode()) {
                    walkChildren(element, elementPath, c, false, out);
                } else {
                    out.add(new Leaf(a, null, i, elementPath, c));
                }
            }
        } else {
            walk(node, path, container, out);
        }
    }

    private static List<String> keys(ObjectNode o) {
        List<String> keys = new ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** One scalar value in the tree; removed by deleting its key, or nulling its array slot (indexes stay). */
    private static final class Leaf {
        private final JsonNode parent;
        private final String key;
        private final int index;
        private final String path;
        private final String container;
        private JsonNode removed;

        Leaf(JsonNode parent, String key, int index, String path, String container) {
            this.parent = parent;
            this.key = key;
            this.index = index;
            this.path = path;
            this.container = container;
        }

        String path() {
            return path;
        }

        String container() {
            return container;
        }

        void remove() {
            if (parent instanceof ObjectNode o) {
                removed = o.remove(key);
            } else {
                removed = ((ArrayNode) parent).set(index, NullNode.getInstance());
            }
        }

        void restore() {
            if (parent instanceof ObjectNode o) {
                o.set(key, removed);
            } else {
                ((ArrayNode) parent).set(index, removed);
            }
        }
    }
}
