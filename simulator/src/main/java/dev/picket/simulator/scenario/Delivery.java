package dev.picket.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a scenario's steps reach the web shell. */
public enum Delivery {
    /** All steps as one script, base64-encoded and piped to a shell: {@code echo B64 | base64 -d | sh}. */
    @JsonProperty("encoded") ENCODED,
    /** The single step's command as it is. */
    @JsonProperty("direct") DIRECT
}
