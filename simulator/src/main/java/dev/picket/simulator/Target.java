package dev.picket.simulator;

import dev.picket.simulator.scenario.Scenario;

import java.io.IOException;

/** Where scenarios run: a victim whose web shell takes the scenario's command. */
public interface Target extends AutoCloseable {
    /** Sends the scenario's command to the victim's web shell, the way the attacker does, and returns its output. */
    String deliver(Scenario scenario) throws IOException, InterruptedException;

    /** Why some expected alerts cannot fire on this target, or null when all can. */
    default String limitation(Scenario scenario) {
        return null;
    }

    @Override
    void close() throws IOException, InterruptedException;
}
