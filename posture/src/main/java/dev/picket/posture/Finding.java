package dev.picket.posture;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.alert.Alert;
import dev.picket.engine.alert.AlertJson;

import java.util.List;

/**
 * A rule that fires on an object: the alert (as detection would raise it, the object's audit event as
 * evidence), the object, where in it, and the justification when the object is exempted from the rule.
 */
public record Finding(Alert alert, KubeObject object, List<Location> locations, String exemption) {
    public Finding {
        locations = List.copyOf(locations);
    }

    public boolean exempted() {
        return exemption != null;
    }

    /** The alert JSON with a {@code finding} block: object, source, locations, exemption. */
    public ObjectNode json() {
        ObjectNode o = AlertJson.tree(alert);
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
