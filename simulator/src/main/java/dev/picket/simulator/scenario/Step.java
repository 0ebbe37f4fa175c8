package dev.picket.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One thing the intruder does in the victim: a shell snippet run through the web shell. */
public record Step(String name, String run) {
    @JsonCreator
    public Step(@JsonProperty(value = "name", required = true) String name,
                @JsonProperty(value = "run", required = true) String run) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a step needs a name");
        if (run == null || run.isBlank()) throw new IllegalArgumentException("step '" + name + "' has nothing to run");
        this.name = name;
        this.run = run.strip();
    }
}
