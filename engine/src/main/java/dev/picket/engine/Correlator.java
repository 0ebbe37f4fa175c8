package dev.picket.engine;

import dev.picket.engine.event.Event;

import java.util.function.Consumer;

/**
 * Where correlation plugs into the engine. The engine hands it every detection match, including
 * matches of rules that only feed correlations and raise no alert of their own, in event order.
 * Implementations keep their own window state; the engine calls them from one thread.
 */
public interface Correlator {

    /** Correlation disabled: nothing is ever correlated. */
    Correlator NONE = (match, out) -> {};

    /** A detection rule matched; emit any correlation match it completes to {@code out}. */
    void onMatch(Match detection, Consumer<Match> out);

    /** An event was processed (after its detection matches): event time moves on. */
    default void onEvent(Event event, Consumer<Match> out) {}
}
