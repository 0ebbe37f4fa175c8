package dev.picket.simulator.scenario;

/** A scenario file that cannot be used; the message starts with {@code FILE:LINE:}. */
public final class ScenarioException extends RuntimeException {
    public ScenarioException(String message) {
        super(message);
    }
}
