package dev.picket.engine;

import dev.picket.engine.correlation.SigmaCorrelator;
import dev.picket.engine.event.Event;
import dev.picket.engine.sigma.DetectionRule;
import dev.picket.engine.sigma.Detector;
import dev.picket.engine.sigma.RuleSet;

import java.util.function.Consumer;

/**
 * Runs a rule set over events: detection rules (after global filters and audit-stage selection),
 * then correlations. One engine per thread: its detector and correlation state are not shared.
 */
public final class Engine {
    private final RuleSet rules;
    private final Detector detector;
    private final Correlator correlator;
    private final Emitter emitter = new Emitter();

    /** Correlation state in memory. */
    public Engine(RuleSet rules) {
        this(rules, new SigmaCorrelator(rules.correlations()));
    }

    public Engine(RuleSet rules, Correlator correlator) {
        this.rules = rules;
        this.detector = rules.detector();
        this.correlator = correlator;
    }

    public RuleSet rules() {
        return rules;
    }

    /** Emits each match the event causes: detection matches of alerting rules, then correlation matches. */
    public void process(Event event, Consumer<Match> out) {
        emitter.event = event;
        emitter.out = out;
        try {
            detector.detect(event, AuditStage.judged(event), emitter);
        } finally {
            emitter.event = null;
            emitter.out = null;
        }
        correlator.advanceTo(event.time());
    }

    /** Turns matching rules into matches; reused across events so processing allocates only matches. */
    private final class Emitter implements Consumer<DetectionRule> {
        Event event;
        Consumer<Match> out;

        @Override
        public void accept(DetectionRule rule) {
            correlator.accept(Match.detection(rule.info(), event), out);
        }
    }
}
