package dev.picket.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Alerts shaped as the alert contract says, for store tests. */
final class TestAlerts {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    static final List<String> TACTICS = List.of("initial-access", "execution", "persistence",
            "privilege-escalation", "stealth", "credential-access", "discovery", "lateral-movement", "impact");
    static final StoreSettings SETTINGS = StoreSettings.of(Duration.ofMinutes(30), TACTICS);

    private TestAlerts() {
    }

    /** An alert {@code minutes} after T0 in deployment {@code workload} of namespace {@code namespace}. */
    static ObjectNode alert(String id, int minutes, String severity, String rule, String namespace, String workload,
                            String technique, String tactic) {
        ObjectNode a = JSON.createObjectNode();
        a.put("id", id);
        a.put("time", T0.plus(Duration.ofMinutes(minutes)).toString());
        a.putObject("rule").put("id", rule).put("title", "Title of " + rule);
        a.put("severity", severity);
        ObjectNode attack = a.putObject("attack");
        attack.putArray("tactics").add(tactic);
        attack.putArray("techniques").add(technique);
        ObjectNode entity = a.putObject("entity");
        entity.put("cluster", "prod-eu");
        if (namespace != null) entity.put("namespace", namespace);
        if (workload != null) {
            entity.putObject("workload").put("kind", "Deployment").put("name", workload);
            entity.put("pod", workload + "-7d9c-" + id);
        }
        a.putArray("evidence").addObject().put("verb", "create");
        return a;
    }

    static ObjectNode alert(String id, int minutes, String severity) {
        return alert(id, minutes, severity, "K8S-001", "shop", "web", "T1610", "execution");
    }
}
