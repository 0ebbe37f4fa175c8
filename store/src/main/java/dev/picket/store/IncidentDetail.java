package dev.picket.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** An incident and its alerts, ordered along the ATT&CK tactics (initial access first), then by time. */
public record IncidentDetail(Incident incident, List<ObjectNode> alerts) {
    public IncidentDetail {
        alerts = List.copyOf(alerts);
    }
}
