package dev.picket.posture;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.alert.Alert;
import dev.picket.engine.alert.AlertJson;
import dev.picket.engine.rule.RuleInfo;
import dev.picket.engine.rule.Severity;

import java.util.List;
import java.util.function.Supplier;

/**
 * A rule that fires on an object: the rule, the object, where in it, the justification when the object
 * is exempted from the rule, and the alert (as detection would raise it, the object's audit event as
 * evidence). The alert is made on first use: redacting the evidence costs more than judging the object,
 * and an admission answer needs only the rule and the locations.
 */
public final class Finding {
    private final RuleInfo rule;
    private final KubeObject object;
    private final List<Location> locations;
    private final String exemption;
    private final Supplier<Alert> makeAlert;
    private Alert alert;

    Finding(RuleInfo rule, KubeObject object, List<Location> locations, String exemption, Supplier<Alert> makeAlert) {
        this.rule = rule;
        this.object = object;
        this.locations = List.copyOf(locations);
        this.exemption = exemption;
        this.makeAlert = makeAlert;
    }

    public RuleInfo rule() {
        return rule;
    }

    public String ruleId() {
        return rule.ruleId();
    }

    public Severity severity() {
        return rule.level();
    }

    public KubeObject object() {
        return object;
    }

    public List<Location> locations() {
        return locations;
    }

    /** Why the object is exempted from the rule (its annotation's text), or null. */
    public String exemption() {
        return exemption;
    }

    public boolean exempted() {
        return exemption != null;
    }

    public synchronized Alert alert() {
        if (alert == null) alert = makeAlert.get();
        return alert;
    }

    /** The alert JSON with a {@code finding} block: object, source, locations, exemption. */
    public ObjectNode json() {
        ObjectNode o = AlertJson.tree(alert());
        ObjectNode f = o.putObject("finding");
        ObjectNode obj = f.putObject("object").put("kind", object.kind()).put("apiVersion", object.apiVersion());
        if (object.namespace() != null) obj.put("namespace", object.namespace());
        obj.put("name", object.name());
        f.put("source", object.where());
        ArrayNode locs = f.putArray("locations");
        for (Location l : locations) {
            ObjectNode lo = locs.addObject();
            if (l.container() != null) lo.put("container", l.container());
            l.fields().forEach(lo.putArray("fields")::add);
        }
        if (exemption != null) f.put("exemption", exemption);
        return o;
    }

    /** The first field path, or "-" when the rule fires on something the object lacks. */
    public String firstField() {
        return locations.stream().flatMap(l -> l.fields().stream()).findFirst().orElse("-");
    }

    /** The first container named, or null. */
    public String firstContainer() {
        return locations.stream().map(Location::container).filter(c -> c != null).findFirst().orElse(null);
    }
}
