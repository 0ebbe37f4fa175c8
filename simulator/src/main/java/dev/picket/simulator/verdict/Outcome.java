package dev.picket.simulator.verdict;

import dev.picket.simulator.scenario.Expectation;

import java.time.Duration;

/** One expected alert and whether it fired; {@code timeToFire} is null when it did not. */
public record Outcome(Expectation expected, Duration timeToFire) {
    public boolean fired() {
        return timeToFire != null;
    }
}
