package dev.picket.outputs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.picket.engine.alert.Alert;
import dev.picket.engine.alert.Entity;
import dev.picket.engine.alert.Workload;
import dev.picket.engine.attack.AttackLabels;
import dev.picket.engine.rule.Severity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Alerts for output tests: a privileged container in shop/web unless told otherwise. */
final class TestAlerts {
    private TestAlerts() {
    }

    static Alert alert(String id, Severity severity, String rule, String namespace) {
        return new Alert(id, Instant.parse("2026-03-10T09:19:08.120Z"), rule, "Privileged container created", severity,
                new AttackLabels(List.of("privilege-escalation"), List.of("T1610", "T1611")),
                new Entity("prod-eu", namespace, new Workload("Deployment", "web"), "web-7d9c6b8f4-x2lqp", "web",
                        "nginx:1.27", "node-1", "alice@example.com", "203.0.113.45"),
                List.of(JsonNodeFactory.instance.objectNode().put("verb", "create")), Map.of(),
                "A container was created privileged.", "Remove privileged: true.");
    }

    static Alert alert(String id) {
        return alert(id, Severity.HIGH, "audit-privileged-container", "shop");
    }
}
