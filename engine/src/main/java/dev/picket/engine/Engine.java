package dev.picket.engine;

import dev.picket.engine.correlation.SigmaCorrelator;
import dev.picket.engine.event.Event;
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

    /** Correlation state in memory, with the default bound on open groups. */
    public Engine(RuleSet rules) {
        this(rules, new SigmaCorrelator(rules.compiledCorrelations()));
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
        detector.detect(event, AuditStage.judged(event), rule -> {
            Match match = Match.detection(rule.info(), event);
            if (rule.standalone()) out.accept(match);
            correlator.onMatch(match, out);
        });
        correlator.onEvent(event, out);
    }
}
