package dev.picket.server.ingest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.FieldPath;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stateful detector for pipeline tests, shaped like a correlation rule: every event with a
 * {@code key} counts towards it, and each third event of a key raises an alert whose id is made of
 * the three events' ids, so the same events always make the same alert. Events with {@code single}
 * raise an alert of their own.
 */
public final class CountingDetector implements Detector {
    private static final FieldPath KEY = FieldPath.of("key");
    private static final FieldPath ID = FieldPath.of("id");
    private final Map<String, List<String>> open = new HashMap<>();

    @Override
    public List<ObjectNode> detect(Event event) {
        String id = event.text(ID);
        if (event.text(FieldPath.of("single")) != null) return List.of(alert("single-" + id, event, "TEST-SINGLE"));
        String key = event.text(KEY);
        if (key == null) return List.of();
        List<String> ids = open.computeIfAbsent(key, k -> new ArrayList<>());
        ids.add(id);
        if (ids.size() < 3) return List.of();
        open.remove(key);
        return List.of(alert("count-" + String.join("+", ids), event, "TEST-COUNT"));
    }

    static ObjectNode alert(String id, Event event, String rule) {
        ObjectNode a = JsonNodeFactory.instance.objectNode();
        a.put("id", id);
        a.put("time", event.time().toString());
        a.putObject("rule").put("id", rule).put("title", "Test rule " + rule);
        a.put("severity", "high");
        a.putObject("attack").putArray("tactics").add("execution");
        a.with("attack").putArray("techniques").add("T1609");
        a.putObject("entity").put("namespace", "shop").put("pod", "web-1");
        a.putArray("evidence").add(event.root());
        return a;
    }
}
