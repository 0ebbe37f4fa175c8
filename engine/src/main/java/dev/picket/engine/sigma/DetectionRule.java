package dev.picket.engine.sigma;

import dev.picket.engine.event.Event;
import dev.picket.engine.rule.RuleInfo;
import dev.picket.engine.sigma.compile.Matcher;
import dev.picket.engine.sigma.compile.Requirement;

import java.util.List;

/** A compiled detection rule with the filters that apply to it. */
public final class DetectionRule {
    private final RuleInfo info;
    private final Matcher matcher;
    private final boolean readsStage;
    private final List<Requirement> requirements;
    private List<SigmaFilter> filters = List.of();

    DetectionRule(RuleInfo info, Matcher matcher, boolean readsStage) {
        this.info = info;
        this.matcher = matcher;
        this.readsStage = readsStage;
        this.requirements = List.copyOf(matcher.requirements());
    }

    public RuleInfo info() {
        return info;
    }

    /** The rule names the audit {@code stage} field, so it sees every stage of a request. */
    public boolean readsStage() {
        return readsStage;
    }

    /** Alternative literal requirements, any one enough for indexing (empty: always evaluated). */
    List<Requirement> requirements() {
        return requirements;
    }

    void filters(List<SigmaFilter> filters) {
        this.filters = List.copyOf(filters);
    }

    /**
     * The detection matches and no filter of the rule suppresses it. Public for callers that re-judge
     * one rule on variants of an event (posture findings locate the fields a match needs).
     */
    public boolean matches(Event event) {
        if (!matcher.matches(event)) return false;
        for (SigmaFilter f : filters) {
            if (f.suppresses(event)) return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return info.toString();
    }
}
