package dev.picket.simulator;

import dev.picket.simulator.scenario.Scenario;
import dev.picket.simulator.verdict.AlertWatcher;
import dev.picket.simulator.verdict.ScenarioResult;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs scenarios one after another on a target and waits for each one's alerts before the next. */
public final class Simulation {
    private final Target target;
    private final AlertWatcher watcher;
    private final Clock clock;
    private final Consumer<String> progress;

    public Simulation(Target target, AlertWatcher watcher, Clock clock, Consumer<String> progress) {
        this.target = target;
        this.watcher = watcher;
        this.clock = clock;
        this.progress = progress;
    }

    public List<ScenarioResult> run(List<Scenario> scenarios, Duration timeout) throws IOException, InterruptedException {
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            progress.accept("scenario " + scenario.name() + ": " + scenario.steps().size() + " step(s)");
            Instant started = clock.instant();
            String output = target.deliver(scenario);
            output.lines().forEach(line -> progress.accept("  victim| " + line));
            String limitation = target.limitation(scenario);
            if (limitation != null) progress.accept("  note: " + limitation);
            ScenarioResult result = watcher.await(scenario, started, timeout, outcome ->
                    progress.accept(String.format("  fired %s after %.1f s", outcome.expected().id(), outcome.timeToFire().toMillis() / 1000.0)));
            results.add(new ScenarioResult(result.scenario(), result.outcomes(), limitation));
        }
        return results;
    }
}
