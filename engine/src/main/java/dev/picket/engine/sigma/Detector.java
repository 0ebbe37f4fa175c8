package dev.picket.engine.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.LogSource;
import dev.picket.engine.sigma.compile.Requirement;
import dev.picket.engine.sigma.value.ValueTest;

import java.util.BitSet;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runs a rule set's detection rules over events, one at a time: picks the rules of the event's
 * log source, narrows them by the literal index, evaluates what is left in rule order. Holds
 * scratch state, so one per thread.
 */
public final class Detector {
    private final RuleSet rules;
    private final boolean useIndex;
    private final BitSet candidates = new BitSet();
    private final IndexLookup lookup = new IndexLookup();
    private long evaluations;
    private LogSource lastSource;
    private RuleGroup lastGroup;

    Detector(RuleSet rules, boolean useIndex) {
        this.rules = rules;
        this.useIndex = useIndex;
    }

    /**
     * Offers the event to the rules of its log source and reports each rule that matches (after
     * its filters).
     *
     * @param everyRule false when only rules that read the audit {@code stage} field may judge
     *                  the event (another stage of the same request is the one judged)
     */
    public void detect(Event event, boolean everyRule, Consumer<DetectionRule> matched) {
        RuleGroup group = group(event.logSource());
        if (!everyRule && group.stageReaders.isEmpty()) return;
        candidates.clear();
        candidates.or(group.unindexed);
        lookup.candidates = candidates;
        for (RuleGroup.Probe probe : group.probes) {
            lookup.probe = probe;
            event.anyValue(probe.field(), lookup);
        }
        if (!everyRule) candidates.and(group.stageReaders);
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            DetectionRule rule = group.rules[i];
            evaluations++;
            if (rule.matches(event)) matched.accept(rule);
        }
    }

    /** Events come in runs of one kind, so the last group is usually the one. */
    private RuleGroup group(LogSource source) {
        if (source != lastSource && !source.equals(lastSource)) {
            lastGroup = rules.group(source, useIndex);
            lastSource = source;
        }
        return lastGroup;
    }

    /** How many rule evaluations this detector has run: what the literal index saves shows here. */
    public long evaluations() {
        return evaluations;
    }

    /** Marks the rules whose required literal an event value holds; visits every value. */
    private static final class IndexLookup implements Predicate<JsonNode> {
        BitSet candidates;
        RuleGroup.Probe probe;

        @Override
        public boolean test(JsonNode node) {
            String text = ValueTest.text(node);
            if (text == null) return false;
            int from = probe.key() == Requirement.Key.BASENAME ? Requirement.basenameStart(text) : 0;
            int[] hits = probe.table().get(text, from);
            if (hits != null) {
                for (int h : hits) candidates.set(h);
            }
            return false;
        }
    }
}
