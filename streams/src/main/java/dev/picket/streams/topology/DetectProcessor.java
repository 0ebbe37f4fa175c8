package dev.picket.streams.topology;

import dev.picket.engine.AuditStage;
import dev.picket.engine.Match;
import dev.picket.engine.alert.AlertFactory;
import dev.picket.engine.alert.AlertJson;
import dev.picket.engine.alert.Alert;
import dev.picket.engine.correlation.Correlations;
import dev.picket.engine.event.Event;
import dev.picket.engine.rule.RuleInfo;
import dev.picket.engine.sigma.DetectionRule;
import dev.picket.engine.sigma.Detector;
import dev.picket.engine.sigma.RuleSet;
import dev.picket.io.decode.InputReader;
import dev.picket.streams.feed.InputKeys;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stateless first stage: decodes an input record (one audit batch, or lines of events), runs the
 * detection rules once per event, and emits an alert for every match of a rule that speaks for
 * itself and, per correlation component the event feeds, one {@link RoutedMatch} keyed for the
 * correlation stage. Decoding errors are logged as {@code SOURCE:LINE: reason}, where the source
 * names the topic, partition and offset, and the rest of the record is still read.
 */
final class DetectProcessor implements Processor<String, byte[], String, Detected> {
    private static final Logger LOG = LoggerFactory.getLogger(DetectProcessor.class);

    private final Correlations correlations;
    private final RoutingPlan plan;
    private final InputReaders readers;
    private final Counters counters;
    private final Detector detector;
    private final Map<RoutingPlan.Component, List<String>> routed = new LinkedHashMap<>();
    private ProcessorContext<String, Detected> context;

    DetectProcessor(RuleSet rules, RoutingPlan plan, InputReaders readers, Counters counters) {
        this.correlations = rules.correlations();
        this.plan = plan;
        this.readers = readers;
        this.counters = counters;
        this.detector = rules.detector();
    }

    @Override
    public void init(ProcessorContext<String, Detected> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.value() == null) return;
        String topic = context.recordMetadata().map(m -> m.topic()).orElse("input");
        String source = context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse(topic);
        Header clusterHeader = record.headers().lastHeader(InputKeys.CLUSTER_HEADER);
        String cluster = clusterHeader == null ? null : new String(clusterHeader.value(), StandardCharsets.UTF_8);
        InputReader reader = readers.forTopic(topic, cluster);
        AlertFactory alerts = readers.alertFactory();
        long[] events = {0};
        try {
            reader.read(source, new ByteArrayInputStream(record.value()), event -> {
                events[0]++;
                detect(event, alerts, record);
            }, error -> {
                counters.decodeError(topic);
                LOG.warn("{}", error);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("reading an in-memory record cannot fail", e);
        }
        counters.decoded(topic, events[0]);
    }

    private void detect(Event event, AlertFactory alerts, Record<String, byte[]> record) {
        routed.clear();
        detector.detect(event, AuditStage.judged(event), (DetectionRule rule) -> {
            RuleInfo info = rule.info();
            if (!correlations.isSilent(info)) {
                Alert alert = alerts.create(Match.detection(info, event));
                counters.alert(false);
                context.forward(record.withKey(alert.id()).withValue(new Detected.AlertLine(AlertJson.line(alert))));
            }
            RoutingPlan.Component component = plan.componentOf(info);
            if (component != null) routed.computeIfAbsent(component, c -> new ArrayList<>()).add(info.ruleId());
        });
        routed.forEach((component, ruleIds) -> {
            counters.routed();
            context.forward(record.withKey(RoutingPlan.key(component, event))
                    .withValue(new Detected.Routed(new RoutedMatch(ruleIds, event).encode())));
        });
    }
}
