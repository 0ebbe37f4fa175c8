package dev.picket.engine.attack;

import java.util.List;

/**
 * What an alert says about ATT&CK: tactic short names in matrix order and technique IDs, both as the
 * catalogue's release names them.
 */
public record AttackLabels(List<String> tactics, List<String> techniques) {
    public static final AttackLabels NONE = new AttackLabels(List.of(), List.of());

    public AttackLabels {
        tactics = List.copyOf(tactics);
        techniques = List.copyOf(techniques);
    }
}
