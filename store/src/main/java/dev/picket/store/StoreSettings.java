package dev.picket.store;

import java.time.Duration;
import java.util.List;

/**
 * How the store groups alerts into incidents.
 *
 * @param incidentWindow an alert joins its entity's incident when it is at most this far from the
 *                       incident's first or last alert; otherwise it opens a new incident
 * @param tacticOrder    ATT&CK tactic short names in matrix order (initial access to impact), the
 *                       order an incident's alerts and tactics are told in
 */
public record StoreSettings(Duration incidentWindow, List<String> tacticOrder) {
    public StoreSettings {
        if (incidentWindow.isNegative() || incidentWindow.isZero()) {
            throw new IllegalArgumentException("incident window must be positive, was " + incidentWindow);
        }
        tacticOrder = List.copyOf(tacticOrder);
    }

    public static StoreSettings of(Duration incidentWindow, List<String> tacticOrder) {
        return new StoreSettings(incidentWindow, tacticOrder);
    }

    /** Position of a tactic in the order; tactics not in it come last. */
    int rank(String tactic) {
        int i = tacticOrder.indexOf(tactic);
        return i < 0 ? tacticOrder.size() : i;
    }
}
