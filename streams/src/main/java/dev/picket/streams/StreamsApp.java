package dev.picket.streams;

import dev.picket.engine.attack.AttackCatalogue;
import dev.picket.engine.attack.Tactic;
import dev.picket.engine.rule.RuleLoadException;
import dev.picket.engine.sigma.RuleSet;
import dev.picket.rules.BuiltinRules;
import dev.picket.rules.RuleSources;
import dev.picket.store.AlertStore;
import dev.picket.store.StoreSettings;
import dev.picket.store.Stores;
import dev.picket.streams.config.StreamsSettings;
import dev.picket.streams.ops.AlertStoreSink;
import dev.picket.streams.ops.OpsServer;
import dev.picket.streams.ops.PicketMetrics;
import dev.picket.streams.topology.CorrelationGauges;
import dev.picket.streams.topology.InputReaders;
import dev.picket.streams.topology.PicketTopology;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * One instance of the runner: the topology over Kafka Streams with exactly-once processing, the
 * metrics and health endpoint, and the optional copy of alerts into the store. Instances started
 * with the same application id share the partitions; Kafka Streams moves tasks, with their state,
 * between them as instances come and go.
 */
public final class StreamsApp implements AutoCloseable {
    /** How far apart alerts of one entity may be and still form one incident in the store. */
    private static final Duration INCIDENT_WINDOW = Duration.ofMinutes(30);

    private final KafkaStreams streams;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final KafkaStreamsMetrics streamsMetrics;
    private final OpsServer ops;
    private final AlertStore store;
    private final AlertStoreSink sink;
    private final Thread sinkThread;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public StreamsApp(StreamsSettings settings, RuleSet rules) throws IOException {
        CorrelationGauges gauges = new CorrelationGauges();
        PicketMetrics counters = new PicketMetrics(registry, gauges);
        InputReaders readers = new InputReaders(settings.formats(), settings.cluster(), Clock.systemUTC());
        Topology topology = PicketTopology.build(rules, settings.inputTopics(), readers, settings.output(),
                settings.maxGroupsPerRule(), counters, gauges);
        streams = new KafkaStreams(topology, properties(settings));
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) stopped.countDown();
        });
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        ops = settings.httpPort() < 0 ? null
                : new OpsServer(settings.httpPort(), registry, () -> streams.state().name(), this::healthy);
        if (settings.store() == null) {
            store = null;
            sink = null;
            sinkThread = null;
        } else {
            StreamsSettings.StoreSink s = settings.store();
            store = Stores.postgres(s.jdbcUrl(), s.user(), s.password(), StoreSettings.of(INCIDENT_WINDOW,
                    AttackCatalogue.bundled().matrix().tactics().stream().map(Tactic::shortname).toList()));
            sink = new AlertStoreSink(settings.kafka(), settings.applicationId(), settings.output(), store);
            sinkThread = new Thread(sink, "picket-store-sink");
        }
    }

    /** The Kafka Streams properties: the file's {@code kafka} map, then what the runner depends on. */
    static Properties properties(StreamsSettings settings) {
        Properties p = new Properties();
        p.putAll(settings.kafka());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.threads());
        p.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toAbsolutePath().toString());
        // Alerts, correlation state and input offsets commit together: a crash neither loses nor repeats an alert.
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        return p;
    }

    /** Builds the rule set the settings name. */
    public static RuleSet rules(StreamsSettings settings) throws IOException, RuleLoadException {
        return rules(settings.builtinRules(), settings.ruleFiles());
    }

    /** The built-in rules (unless left out) and the user's rule files or folders, compiled. */
    public static RuleSet rules(boolean builtin, List<Path> files) throws IOException, RuleLoadException {
        RuleSources sources = new RuleSources(BuiltinRules.load());
        if (builtin) sources.addBuiltin();
        return sources.addFiles(files).build();
    }

    public void start() {
        if (sinkThread != null) sinkThread.start();
        streams.start();
    }

    /** Blocks until the application stops: closed, or failed beyond what Kafka Streams recovers from by itself. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public boolean healthy() {
        KafkaStreams.State state = streams.state();
        return state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
    }

    /** The port of /metrics and /healthz, or -1 when it is off. */
    public int opsPort() {
        return ops == null ? -1 : ops.port();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        streams.close(Duration.ofSeconds(30));
        streamsMetrics.close();
        if (ops != null) ops.close();
        if (sink != null) {
            sink.close();
            try {
                sinkThread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            store.close();
        }
    }
}
