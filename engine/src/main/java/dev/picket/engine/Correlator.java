package dev.picket.engine;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Where correlation plugs into the engine. The engine hands it every detection match, in event
 * order, including matches of rules that only feed correlations; the correlator decides what is
 * passed on (a rule referenced by correlations without {@code generate: true} raises no alert of
 * its own) and adds the correlation matches it completes. Called from one thread.
 */
public interface Correlator {

    /** No correlation rules: every detection match is passed on. */
    Correlator NONE = new Correlator() {
        @Override
        public void accept(Match detection, Consumer<Match> out) {
            out.accept(detection);
        }

        @Override
        public void advanceTo(Instant time) {
        }
    };

    /** A detection rule matched: pass the match on unless silent, then any correlation match it completes. */
    void accept(Match detection, Consumer<Match> out);

    /** Event time moved on (an event was processed): windows that can no longer complete may close. */
    void advanceTo(Instant time);
}
