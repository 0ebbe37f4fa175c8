package dev.picket.server.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.Engine;
import dev.picket.engine.alert.AlertFactory;
import dev.picket.engine.alert.AlertJson;
import dev.picket.engine.event.Event;
import dev.picket.engine.sigma.RuleSet;

import java.util.ArrayList;
import java.util.List;

/** The detector the server runs: the Sigma engine over the rule set, its matches made alerts. */
public final class EngineDetector implements Detector {
    private final Engine engine;
    private final AlertFactory alerts;

    public EngineDetector(RuleSet rules, AlertFactory alerts) {
        this.engine = new Engine(rules);
        this.alerts = alerts;
    }

    @Override
    public List<ObjectNode> detect(Event event) {
        List<ObjectNode> out = new ArrayList<>(1);
        engine.process(event, match -> out.add(AlertJson.tree(alerts.create(match))));
        return out;
    }
}
