package dev.picket.bench.cel;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An event as the CEL baseline sees it: every dotted path to a value, with every value found there
 * as text (arrays crossed, so {@code requestObject.spec.containers.image} lists each container's
 * image). A JSON null leaves its path present with no value. Keys that contain dots join like any
 * other, so {@code annotations.authorization.k8s.io/decision} is one entry, as Sigma names it.
 */
public final class FlatEvent {
    private FlatEvent() {
    }

    public static Map<String, List<String>> of(JsonNode root) {
        Map<String, List<String>> out = new HashMap<>();
        walk(root, "", out);
        return out;
    }

    private static void walk(JsonNode node, String path, Map<String, List<String>> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) out.computeIfAbsent(path, k -> new ArrayList<>(1));
            for (JsonNode element : node) walk(element, path, out);
        } else {
            List<String> values = out.computeIfAbsent(path, k -> new ArrayList<>(1));
            if (!node.isNull()) values.add(node.asText());
        }
    }
}
