package dev.picket.streams.topology;

import dev.picket.engine.alert.AlertFactory;
import dev.picket.engine.sigma.RuleSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

import java.util.List;
import java.util.Map;

/**
 * The Picket topology. Input records (keyed any way; the server keys them by workload or principal)
 * are decoded and run through the detection rules; alerts of rules that speak for themselves go
 * straight to the output topic. Matches that feed correlations are re-keyed by their correlation
 * component's routing key ({@link RoutingPlan}) through a repartition topic, so each correlation
 * group is judged by one task, over state in a changelogged store.
 *
 * <pre>
 *   inputs ─► detect ─┬─ alerts ───────────────────────────────────────────────┐
 *                     └─ matches ─► {app}-correlate-repartition ─► correlate ─┴─► output
 *                                                                 (correlation-state, changelogged)
 * </pre>
 */
public final class PicketTopology {
    public static final String STATE_STORE = "correlation-state";

    private PicketTopology() {
    }

    /**
     * @param inputs           the input topics
     * @param readers          how each input topic is read
     * @param output           the alert topic: key the alert id, value its JSON line
     * @param maxGroupsPerRule the per-task bound on open correlation groups of one rule
     */
    public static Topology build(RuleSet rules, List<String> inputs, InputReaders readers, String output,
                                 int maxGroupsPerRule, Counters counters, CorrelationGauges gauges) {
        RoutingPlan plan = new RoutingPlan(rules.correlations());
        AlertFactory alerts = readers.alertFactory();
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STATE_STORE), Serdes.String(), Serdes.ByteArray()));

        KStream<String, Detected> detected = builder
                .stream(inputs, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("inputs"))
                .process(() -> new DetectProcessor(rules, plan, readers.copy(), counters), Named.as("detect"));
        Map<String, KStream<String, Detected>> split = detected.split(Named.as("detected-"))
                .branch((key, value) -> value instanceof Detected.AlertLine, Branched.as("alerts"))
                .defaultBranch(Branched.as("matches"));

        KStream<String, String> detectionAlerts = split.get("detected-alerts")
                .mapValues(value -> ((Detected.AlertLine) value).json(), Named.as("alert-lines"));
        KStream<String, String> correlationAlerts = split.get("detected-matches")
                .mapValues(value -> ((Detected.Routed) value).encoded(), Named.as("match-bytes"))
                .repartition(Repartitioned.with(Serdes.String(), Serdes.ByteArray()).withName("correlate"))
                .process(() -> new CorrelateProcessor(rules, maxGroupsPerRule, alerts, counters, gauges),
                        Named.as("correlate"), STATE_STORE);
        detectionAlerts.merge(correlationAlerts, Named.as("all-alerts"))
                .to(output, Produced.with(Serdes.String(), Serdes.String()).withName("output"));
        return builder.build();
    }
}
