package dev.picket.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An alert a scenario must raise: the catalogue id (the alert's {@code rule.id}) and its title for people. */
public record Expectation(String id, String alert) {
    @JsonCreator
    public Expectation(@JsonProperty(value = "id", required = true) String id,
                       @JsonProperty(value = "alert", required = true) String alert) {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("an expected alert needs an id");
        if (alert == null || alert.isBlank()) throw new IllegalArgumentException("expected alert " + id + " needs a title (alert:)");
        this.id = id;
        this.alert = alert;
    }
}
