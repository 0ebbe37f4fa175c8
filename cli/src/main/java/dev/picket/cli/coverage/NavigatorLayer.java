package dev.picket.cli.coverage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.attack.Coverage;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The coverage as an ATT&CK Navigator layer (layer format 4.5): every technique some rule covers,
 * in the matrix or Enterprise-only, scored by the number of rules behind it, with the rule IDs as the
 * comment, on a white-to-blue gradient; the Containers platform filter preselected.
 */
public final class NavigatorLayer {
    private NavigatorLayer() {
    }

    public static ObjectNode of(Coverage coverage) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        String version = coverage.matrix().version();
        ObjectNode layer = f.objectNode();
        layer.put("name", "Picket coverage (ATT&CK " + version + ")");
        ObjectNode versions = layer.putObject("versions");
        versions.put("attack", version.contains(".") ? version.substring(0, version.indexOf('.')) : version);
        versions.put("navigator", "5.1.0");
        versions.put("layer", "4.5");
        layer.put("domain", "enterprise-attack");
        layer.put("description", "Techniques covered by Picket detection rules; score = number of rules.");
        layer.putObject("filters").putArray("platforms").add("Containers");
        layer.put("sorting", 3);
        ObjectNode layout = layer.putObject("layout");
        layout.put("layout", "side");
        layout.put("showID", true);
        layout.put("showName", true);
        layer.put("hideDisabled", false);

        SortedSet<String> ids = new TreeSet<>(coverage.tagged());
        coverage.matrix().techniques().forEach(t -> {
            if (coverage.covered(t.id())) ids.add(t.id());
        });
        ArrayNode techniques = layer.putArray("techniques");
        int max = 1;
        for (String id : ids) {
            SortedSet<String> rules = coverage.rules(id);
            max = Math.max(max, rules.size());
            ObjectNode t = techniques.addObject();
            t.put("techniqueID", id);
            t.put("score", rules.size());
            t.put("comment", String.join(", ", rules));
            t.put("enabled", true);
            t.put("showSubtechniques", true);
        }
        ObjectNode gradient = layer.putObject("gradient");
        gradient.putArray("colors").add("#ffffff").add("#66b1ff").add("#0d47a1");
        gradient.put("minValue", 0);
        gradient.put("maxValue", max);
        layer.putArray("legendItems");
        layer.put("showTacticRowBackground", false);
        layer.put("selectTechniquesAcrossTactics", true);
        layer.put("selectSubtechniquesWithParent", false);
        return layer;
    }
}
