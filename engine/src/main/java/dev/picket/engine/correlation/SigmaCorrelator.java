package dev.picket.engine.correlation;

import dev.picket.engine.Correlator;
import dev.picket.engine.Match;
import dev.picket.engine.rule.RuleInfo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The engine's correlator for Sigma correlation rules and baselines: a match is passed on unless
 * its rule is silent (referenced by correlations that do not {@code generate} it), and is fed to
 * every correlation that refers to its rule; what those find is routed the same way, so
 * correlations chain.
 *
 * <p>Time is the events' only: the newest event time seen so far drives expiry. One
 * correlator owns its state store; on construction it takes up the state found there (a restart)
 * and drops state of rules that no longer exist. Like the engine it serves, it is used from one
 * thread.
 */
public final class SigmaCorrelator implements Correlator {
    public static final int DEFAULT_MAX_GROUPS = 100_000;

    private record Subscription(StatefulCorrelation correlation, int ruleIndex) {
    }

    private final Correlations correlations;
    private final List<StatefulCorrelation> running = new ArrayList<>();
    private final Map<RuleInfo, List<Subscription>> subscriptions = new IdentityHashMap<>();
    private final Map<String, StatefulCorrelation> byRuleId = new HashMap<>();
    private long watermark = Long.MIN_VALUE;

    /** In-memory state, the default bound on open groups. */
    public SigmaCorrelator(Correlations correlations) {
        this(correlations, new InMemoryStateStore(), DEFAULT_MAX_GROUPS);
    }

    /** @param maxGroupsPerRule open groups a rule may hold; beyond it the least recently active is evicted */
    public SigmaCorrelator(Correlations correlations, StateStore store, int maxGroupsPerRule) {
        if (maxGroupsPerRule < 1) throw new IllegalArgumentException("maxGroupsPerRule must be positive");
        this.correlations = correlations;
        for (Correlation rule : correlations.rules()) {
            StatefulCorrelation correlation = rule.type() == CorrelationType.NEW_TERMS
                    ? new NewTermsCorrelation(rule, store, maxGroupsPerRule)
                    : new WindowedCorrelation(rule, store, maxGroupsPerRule);
            running.add(correlation);
            byRuleId.put(rule.info().ruleId(), correlation);
            for (int i = 0; i < rule.rules().size(); i++) {
                RuleInfo referenced = rule.rules().get(i);
                if (rule.rules().indexOf(referenced) != i) continue; // a rule named twice is fed once
                subscriptions.computeIfAbsent(referenced, r -> new ArrayList<>()).add(new Subscription(correlation, i));
            }
        }
        dropOrphans(store);
        running.forEach(StatefulCorrelation::restore);
    }

    private void dropOrphans(StateStore store) {
        List<String> orphans = new ArrayList<>();
        store.scan("", (key, value) -> {
            if (running.stream().noneMatch(c -> key.startsWith(c.prefix))) orphans.add(key);
        });
        orphans.forEach(store::delete);
    }

    /** Passes the match on (unless silent), and feeds it, then whatever it completes, to the correlations. */
    @Override
    public void accept(Match match, Consumer<Match> out) {
        advanceTo(match.time());
        if (!correlations.isSilent(match.rule())) out.accept(match);
        feed(match, out);
    }

    /** Feeds a match to the correlations that refer to its rule, and on along the chain what they find. */
    private void feed(Match match, Consumer<Match> out) {
        List<Subscription> subscribers = subscriptions.get(match.rule());
        if (subscribers == null) return;
        for (Subscription s : subscribers) {
            s.correlation().accept(s.ruleIndex(), match, found -> accept(found, out));
        }
    }

    /** Moves event time forward (never back), pruning windows that can no longer complete. */
    @Override
    public void advanceTo(Instant time) {
        long millis = time.toEpochMilli();
        if (millis <= watermark) return;
        watermark = millis;
        for (StatefulCorrelation c : running) c.prune(watermark);
    }

    /** Forgets all state of one correlation or baseline rule (by its {@code ruleId()}). False when there is no such rule. */
    public boolean reset(String ruleId) {
        StatefulCorrelation correlation = byRuleId.get(ruleId);
        if (correlation == null) return false;
        correlation.reset();
        return true;
    }

    public CorrelationStats stats() {
        long open = 0, evictions = 0, late = 0;
        for (StatefulCorrelation c : running) {
            open += c.openGroups();
            evictions += c.evictions();
            late += c.late();
        }
        return new CorrelationStats(open, evictions, late);
    }
}
