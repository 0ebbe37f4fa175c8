package dev.picket.simulator.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.simulator.scenario.Expectation;
import dev.picket.simulator.scenario.Scenario;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Waits for a scenario's expected alerts to appear in Picket's API. An expectation is met by an alert
 * of its rule whose triggering event happened at or after the scenario started; time to fire is from
 * the scenario's start until the poll that first saw it.
 */
public final class AlertWatcher {
    private final PicketApi api;
    private final Clock clock;
    private final Duration poll;

    public AlertWatcher(PicketApi api, Clock clock, Duration poll) {
        this.api = api;
        this.clock = clock;
        this.poll = poll;
    }

    /**
     * @param started  when the scenario's first step was sent (alert times are compared with a second's slack,
     *                 as audit timestamps carry whole seconds at best)
     * @param progress told once per alert as it fires
     */
    public ScenarioResult await(Scenario scenario, Instant started, Duration timeout, Consumer<Outcome> progress)
            throws IOException, InterruptedException {
        Instant from = started.minusSeconds(1);
        Map<String, Duration> fired = new LinkedHashMap<>();
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            for (Expectation e : scenario.expect()) {
                if (fired.containsKey(e.id())) continue;
                List<JsonNode> alerts = api.alerts(e.id(), from);
                if (!alerts.isEmpty()) {
                    Duration after = Duration.between(started, clock.instant());
                    fired.put(e.id(), after);
                    progress.accept(new Outcome(e, after));
                }
            }
            if (fired.size() == scenario.expect().size() || !clock.instant().isBefore(deadline)) break;
            Thread.sleep(poll.toMillis());
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Expectation e : scenario.expect()) outcomes.add(new Outcome(e, fired.get(e.id())));
        return new ScenarioResult(scenario.name(), outcomes, null);
    }
}
