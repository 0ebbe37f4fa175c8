package dev.picket.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** One page of alerts, and the cursor for the next page (null when this is the last). */
public record AlertPage(List<ObjectNode> alerts, String next) {
    public AlertPage {
        alerts = List.copyOf(alerts);
    }
}
