package dev.picket.server.reload;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.alert.AlertFactory;
import dev.picket.engine.event.Event;
import dev.picket.engine.sigma.RuleSet;
import dev.picket.server.ingest.Detector;
import dev.picket.server.ingest.EngineDetector;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The engine over the rules in force, with the configured overrides applied to its alerts. A new
 * rule set is picked up between two events, on the ingest worker: every event is judged by one
 * set, old or new. Correlation windows start afresh with a new set.
 */
public final class ReloadingDetector implements Detector {
    private final LiveRules rules;
    private final AlertFactory alerts;
    private RuleSet running;
    private EngineDetector engine;

    public ReloadingDetector(LiveRules rules, AlertFactory alerts) {
        this.rules = rules;
        this.alerts = alerts;
    }

    @Override
    public List<ObjectNode> detect(Event event) {
        RuleSet inForce = rules.get();
        if (inForce != running) {
            engine = new EngineDetector(inForce, alerts);
            running = inForce;
        }
        List<ObjectNode> found = engine.detect(event);
        if (rules.overrides().isEmpty() || found.isEmpty()) return found;
        List<ObjectNode> out = new ArrayList<>(found.size());
        for (ObjectNode alert : found) {
            RuleOverride o = rules.overrides().get(alert.path("rule").path("id").asText());
            if (o == null) {
                out.add(alert);
            } else if (!o.disabled()) {
                if (o.severity() != null) alert.put("severity", o.severity().word());
                ArrayNode tags = alert.has("tags") ? (ArrayNode) alert.get("tags") : alert.putArray("tags");
                o.tags().forEach(tags::add);
                out.add(alert);
            }
        }
        return out;
    }
}
