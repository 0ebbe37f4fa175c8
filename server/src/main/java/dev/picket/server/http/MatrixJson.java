package dev.picket.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.attack.Coverage;
import dev.picket.engine.attack.Tactic;
import dev.picket.engine.attack.Technique;

import java.util.Map;

/**
 * The ATT&CK for Containers matrix as the API serves it: tactics in matrix order, each with its
 * techniques (sub-techniques carry {@code parent}) and the rules behind each. Built once per rule
 * set; {@link #withAlerts} adds the alert counts of a period.
 *
 * <pre>{"version": "19.0", "tactics": [{"id", "shortname", "name",
 *   "techniques": [{"id", "name", "parent", "url", "rules": [...], "alerts": n}]}]}</pre>
 */
public final class MatrixJson {
    private final ObjectNode matrix;

    public MatrixJson(Coverage coverage) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        matrix = f.objectNode().put("version", coverage.matrix().version());
        ArrayNode tactics = matrix.putArray("tactics");
        for (Tactic tactic : coverage.matrix().tactics()) {
            ObjectNode t = tactics.addObject().put("id", tactic.id()).put("shortname", tactic.shortname())
                    .put("name", tactic.name());
            ArrayNode techniques = t.putArray("techniques");
            for (Technique technique : coverage.matrix().techniquesOf(tactic.shortname())) {
                ObjectNode o = techniques.addObject().put("id", technique.id()).put("name", technique.name());
                if (technique.parent() != null) o.put("parent", technique.parent());
                if (technique.url() != null) o.put("url", technique.url());
                ArrayNode rules = o.putArray("rules");
                coverage.rules(technique.id()).forEach(rules::add);
            }
        }
    }

    /**
     * The matrix with each technique's alerts: those labelled with it or one of its sub-techniques.
     *
     * @param counts alerts per technique ID, as labelled
     */
    public ObjectNode withAlerts(Map<String, Long> counts) {
        ObjectNode copy = matrix.deepCopy();
        for (JsonNode tactic : copy.path("tactics")) {
            for (JsonNode technique : tactic.path("techniques")) {
                String id = technique.path("id").asText();
                long n = 0;
                for (Map.Entry<String, Long> e : counts.entrySet()) {
                    if (e.getKey().equals(id) || e.getKey().startsWith(id + ".")) n += e.getValue();
                }
                ((ObjectNode) technique).put("alerts", n);
            }
        }
        return copy;
    }
}
