package dev.picket.posture;

import java.util.List;

/**
 * Where in an object a finding lies: the container it concerns (null for object-wide findings) and the
 * paths of the fields that make the rule fire, written from the object's root
 * ({@code spec.template.spec.containers[0].securityContext.privileged}). No fields: the rule fires on
 * what the object lacks (no limits, no non-root setting), not on a value it holds.
 */
public record Location(String container, List<String> fields) {
    public Location {
        fields = List.copyOf(fields);
    }
}
