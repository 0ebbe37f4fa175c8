package dev.picket.engine.attack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a Containers matrix file (the format {@link AttackMatrix#parse} reads) from an official MITRE
 * STIX Enterprise bundle ({@code enterprise-attack-X.Y.json}): attack-pattern objects whose
 * {@code x_mitre_platforms} lists Containers, minus revoked and deprecated ones; their kill-chain
 * phases sorted by the Enterprise matrix's {@code tactic_refs}; the tactics that hold at least one of
 * them; and, for revoked Containers techniques, the technique that revoked them.
 */
public final class StixMatrixExtractor {
    private static final String PLATFORM = "Containers";
    private static final String KILL_CHAIN = "mitre-attack";

    private StixMatrixExtractor() {
    }

    /** @throws IllegalArgumentException when the bundle has no Enterprise matrix or no tactics */
    public static ObjectNode extract(JsonNode bundle) {
        Map<String, JsonNode> byStixId = new HashMap<>();
        List<JsonNode> matrices = new ArrayList<>();
        String version = "";
        String copyright = "";
        for (JsonNode o : bundle.path("objects")) {
            byStixId.put(o.path("id").asText(), o);
            switch (o.path("type").asText()) {
                case "x-mitre-matrix" -> matrices.add(o);
                case "x-mitre-collection" -> version = o.path("x_mitre_version").asText(version);
                case "marking-definition" -> copyright = o.path("definition").path("statement").asText(copyright);
                default -> { }
            }
        }
        JsonNode matrix = matrices.stream()
                .filter(m -> "enterprise-attack".equals(externalId(m)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no x-mitre-matrix 'enterprise-attack' in the bundle"));
        List<JsonNode> tacticOrder = new ArrayList<>();
        for (JsonNode ref : matrix.path("tactic_refs")) {
            JsonNode tactic = byStixId.get(ref.asText());
            if (tactic != null) tacticOrder.add(tactic);
        }
        if (tacticOrder.isEmpty()) throw new IllegalArgumentException("the Enterprise matrix lists no tactics");
        List<String> shortnames = tacticOrder.stream().map(t -> t.path("x_mitre_shortname").asText()).toList();

        TreeMap<String, ObjectNode> techniques = new TreeMap<>();
        Map<String, String> revokedStixIds = new LinkedHashMap<>();
        for (JsonNode o : byStixId.values()) {
            if (!"attack-pattern".equals(o.path("type").asText()) || !listsContainers(o)) continue;
            if (o.path("revoked").asBoolean(false)) {
                revokedStixIds.put(o.path("id").asText(), externalId(o));
                continue;
            }
            if (o.path("x_mitre_deprecated").asBoolean(false)) continue;
            techniques.put(externalId(o), technique(o, shortnames));
        }
        markParentsOutsideMatrix(techniques);

        Map<String, String> revoked = new TreeMap<>();
        for (JsonNode o : byStixId.values()) {
            if (!"relationship".equals(o.path("type").asText()) || !"revoked-by".equals(o.path("relationship_type").asText())) continue;
            String old = revokedStixIds.get(o.path("source_ref").asText());
            JsonNode target = byStixId.get(o.path("target_ref").asText());
            if (old != null && target != null) revoked.put(old, externalId(target));
        }

        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode out = f.objectNode();
        out.put("attack_version", version);
        out.put("domain", "enterprise-attack");
        out.put("platform", PLATFORM);
        out.put("filter", "attack-pattern objects with \"Containers\" in x_mitre_platforms, excluding revoked and x_mitre_deprecated");
        out.put("copyright", copyright);
        ArrayNode tactics = out.putArray("tactics");
        for (JsonNode t : tacticOrder) {
            String shortname = t.path("x_mitre_shortname").asText();
            if (techniques.values().stream().noneMatch(x -> contains(x.path("tactics"), shortname))) continue;
            tactics.addObject().put("id", externalId(t)).put("shortname", shortname).put("name", t.path("name").asText());
        }
        ArrayNode list = out.putArray("techniques");
        techniques.values().forEach(list::add);
        ObjectNode revokedNode = out.putObject("revoked");
        revoked.forEach(revokedNode::put);
        return out;
    }

    private static ObjectNode technique(JsonNode o, List<String> tacticOrder) {
        String id = externalId(o);
        List<String> phases = new ArrayList<>();
        for (JsonNode p : o.path("kill_chain_phases")) {
            if (KILL_CHAIN.equals(p.path("kill_chain_name").asText())) phases.add(p.path("phase_name").asText());
        }
        phases.sort(Comparator.comparingInt(p -> {
            int i = tacticOrder.indexOf(p);
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        ObjectNode t = JsonNodeFactory.instance.objectNode();
        t.put("id", id);
        t.put("name", o.path("name").asText());
        ArrayNode tactics = t.putArray("tactics");
        phases.forEach(tactics::add);
        if (id.contains(".")) t.put("parent", id.substring(0, id.indexOf('.')));
        t.put("url", url(o));
        return t;
    }

    /** A sub-technique whose parent does not itself list Containers (T1059.013 under T1059) says so. */
    private static void markParentsOutsideMatrix(Map<String, ObjectNode> techniques) {
        for (ObjectNode t : techniques.values()) {
            if (t.has("parent") && !techniques.containsKey(t.get("parent").asText())) t.put("parent_in_matrix", false);
        }
    }

    private static boolean listsContainers(JsonNode o) {
        return contains(o.path("x_mitre_platforms"), PLATFORM);
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode v : array) {
            if (value.equals(v.asText())) return true;
        }
        return false;
    }

    private static JsonNode mitreReference(JsonNode o) {
        for (JsonNode r : o.path("external_references")) {
            if ("mitre-attack".equals(r.path("source_name").asText())) return r;
        }
        return JsonNodeFactory.instance.objectNode();
    }

    private static String externalId(JsonNode o) {
        return mitreReference(o).path("external_id").asText("");
    }

    private static String url(JsonNode o) {
        return mitreReference(o).path("url").asText("");
    }
}
