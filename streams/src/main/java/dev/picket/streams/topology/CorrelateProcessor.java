package dev.picket.streams.topology;

import dev.picket.engine.Match;
import dev.picket.engine.alert.Alert;
import dev.picket.engine.alert.AlertFactory;
import dev.picket.engine.alert.AlertJson;
import dev.picket.engine.correlation.SigmaCorrelator;
import dev.picket.engine.rule.RuleInfo;
import dev.picket.engine.sigma.RuleSet;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * The stateful second stage: one correlator per task over the task's changelogged store. It is built
 * when the task starts, so it takes up whatever state the store was restored to, which after a crash
 * is the state of the last committed transaction — the same point the input is re-read from.
 */
final class CorrelateProcessor implements Processor<String, byte[], String, String> {
    private static final Logger LOG = LoggerFactory.getLogger(CorrelateProcessor.class);

    private final RuleSet rules;
    private final int maxGroupsPerRule;
    private final AlertFactory alerts;
    private final Counters counters;
    private final CorrelationGauges gauges;
    private SigmaCorrelator correlator;
    private ProcessorContext<String, String> context;

    CorrelateProcessor(RuleSet rules, int maxGroupsPerRule, AlertFactory alerts, Counters counters, CorrelationGauges gauges) {
        this.rules = rules;
        this.maxGroupsPerRule = maxGroupsPerRule;
        this.alerts = alerts;
        this.counters = counters;
        this.gauges = gauges;
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        KeyValueStore<String, byte[]> store = context.getStateStore(PicketTopology.STATE_STORE);
        correlator = new SigmaCorrelator(rules.correlations(), new KafkaStateStore(store), maxGroupsPerRule);
        gauges.update(context.taskId().toString(), correlator.stats());
    }

    @Override
    public void process(Record<String, byte[]> record) {
        RoutedMatch routed;
        try {
            routed = RoutedMatch.decode(record.value());
        } catch (IllegalArgumentException e) {
            LOG.warn("{}: skipped: {}", context.taskId(), e.getMessage());
            return;
        }
        for (String ruleId : routed.ruleIds()) {
            RuleInfo rule = rules.rule(ruleId);
            if (rule == null) continue; // routed by an instance with other rules, during a rolling update
            Match detection = Match.detection(rule, routed.event());
            // The detection stage already raised the match's own alert; only what correlations find is new here.
            Consumer<Match> found = match -> {
                if (match == detection) return;
                Alert alert = alerts.create(match);
                counters.alert(true);
                context.forward(record.withKey(alert.id()).withValue(AlertJson.line(alert)));
            };
            correlator.accept(detection, found);
        }
        correlator.advanceTo(routed.event().time());
        gauges.update(context.taskId().toString(), correlator.stats());
    }

    @Override
    public void close() {
        gauges.remove(context.taskId().toString());
    }
}
