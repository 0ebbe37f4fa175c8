package dev.picket.simulator.verdict;

import java.util.List;

/** A scenario's verdict: each expected alert with its outcome, and a note when something kept it from running fully. */
public record ScenarioResult(String scenario, List<Outcome> outcomes, String note) {
    public ScenarioResult {
        outcomes = List.copyOf(outcomes);
    }

    public boolean passed() {
        return outcomes.stream().allMatch(Outcome::fired);
    }
}
