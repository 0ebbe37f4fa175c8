package dev.picket.server;

import dev.picket.server.config.ConfigException;
import dev.picket.posture.PostureEvaluator;
import dev.picket.server.admission.AdmissionPolicy;
import dev.picket.server.admission.AdmissionReviewer;
import dev.picket.server.admission.AdmissionWebhook;
import dev.picket.server.config.ServerConfig;
import dev.picket.server.forward.KafkaForwarder;
import dev.picket.engine.alert.AlertFactory;
import dev.picket.engine.attack.AttackCatalogue;
import dev.picket.engine.attack.AttackMatrix;
import dev.picket.engine.attack.Coverage;
import dev.picket.engine.attack.Tactic;
import dev.picket.engine.sigma.RuleSet;
import dev.picket.server.http.HttpApi;
import dev.picket.server.http.MatrixJson;
import dev.picket.server.ingest.BatchDecoder;
import dev.picket.server.ingest.Detector;
import dev.picket.server.ingest.EngineDetector;
import dev.picket.server.ingest.InputDecoder;
import dev.picket.server.ingest.IngestMetrics;
import dev.picket.server.ingest.IngestPipeline;
import dev.picket.server.ingest.Journal;
import dev.picket.outputs.AlertOutputs;
import dev.picket.server.ingest.PublishingDetector;
import dev.picket.server.health.SourceHeartbeats;
import dev.picket.server.health.SourcesApi;
import dev.picket.server.lifecycle.TriageApi;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.server.ops.Operations;
import dev.picket.server.reload.FolderWatcher;
import dev.picket.server.reload.LiveRules;
import dev.picket.server.reload.ReloadApi;
import dev.picket.server.reload.ReloadingDetector;
import dev.picket.server.reload.RuleLoader;
import dev.picket.server.suppress.LiveSuppressions;
import dev.picket.server.suppress.MarkingDetector;
import dev.picket.server.suppress.SuppressApi;
import dev.picket.engine.rule.RuleLoadException;
import dev.picket.store.AlertStore;
import dev.picket.store.StoreSettings;
import dev.picket.store.Stores;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code picket serve}: the store, the journaled ingest pipeline around the detector, and the HTTP
 * API, started together and stopped in reverse.
 */
public final class PicketServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PicketServer.class);
    private static final Duration RETENTION_EVERY = Duration.ofHours(1);

    private final AlertStore store;
    private final IngestPipeline pipeline;
    private final HttpApi http;
    private final AdmissionWebhook admission;
    private final ScheduledExecutorService housekeeping;
    private final AlertOutputs outputs;
    private final FolderWatcher watcher;

    /** The server running the rule set over what it receives, with the bundled ATT&CK catalogue. */
    public PicketServer(ServerConfig config, RuleSet rules) throws IOException {
        this(config, rules, AdmissionPolicy.defaults());
    }

    /** The server with an admission policy for {@code POST /v1/admit}; reloads reread only suppressions. */
    public PicketServer(ServerConfig config, RuleSet rules, AdmissionPolicy admission) throws IOException {
        this(config, () -> rules, admission, Operations.defaults(config.data()));
    }

    /**
     * The server over rules it can reload ({@code POST /v1/reload}, or on file change when the
     * operations say so), with suppressions, rule overrides and source silence watching.
     */
    public PicketServer(ServerConfig config, RuleLoader rules, AdmissionPolicy admission, Operations operations)
            throws IOException {
        this(config, live(rules, operations), admission, operations);
    }

    private PicketServer(ServerConfig config, LiveRules live, AdmissionPolicy admission, Operations operations)
            throws IOException {
        this(config, new InputDecoder(config.cluster(), config.ingest().maxBatchBytes(), Clock.systemUTC()),
                new ReloadingDetector(live, new AlertFactory(AttackCatalogue.bundled(), config.cluster())),
                AttackCatalogue.bundled().matrix(), live, admission, operations);
    }

    /**
     * The server over the given decoder and detector; {@code rules} only say which techniques are
     * covered. For tests that need a detector of their own.
     */
    public PicketServer(ServerConfig config, BatchDecoder decoder, Detector detector, AttackMatrix matrix,
                        RuleSet rules) throws IOException {
        this(config, decoder, detector, matrix, live(() -> rules, Operations.defaults(config.data())),
                AdmissionPolicy.defaults(), Operations.defaults(config.data()));
    }

    private static LiveRules live(RuleLoader rules, Operations operations) throws IOException {
        try {
            return new LiveRules(rules, new LiveSuppressions(operations.suppressions()), operations.overrides());
        } catch (RuleLoadException e) {
            throw new ConfigException(String.join("\n", e.errors().stream()
                    .map(r -> r.file() + ":" + r.line() + ": " + r.message()).toList()));
        }
    }

    private PicketServer(ServerConfig config, BatchDecoder decoder, Detector engine, AttackMatrix matrix,
                         LiveRules live, AdmissionPolicy admissionPolicy, Operations operations) throws IOException {
        RuleSet rules = live.get();
        Detector marking = new MarkingDetector(engine, live.suppressions(), Clock.systemUTC());
        if (config.token() == null && config.tls().clientCa() == null) {
            throw new ConfigException("no way to authenticate callers: set PICKET_TOKEN "
                    + "(or token: in the config file), or tls.clientCa for client certificates");
        }
        if (!config.tls().enabled()) {
            LOG.warn("TLS is off: the token travels in clear; configure tls.certificate or serve behind a TLS proxy");
        }
        StoreSettings settings = StoreSettings.of(config.incidentWindow(),
                matrix.tactics().stream().map(Tactic::shortname).toList());
        store = config.store().url() == null ? Stores.sqlite(config.data(), settings)
                : Stores.postgres(config.store().url(), config.store().user(), config.store().password(), settings);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        IngestMetrics metrics = new IngestMetrics(registry);
        SourceHeartbeats heartbeats = new SourceHeartbeats(Clock.systemUTC(), operations.silentAfter(), registry);
        Detector detector = event -> {
            heartbeats.beat(event);
            return marking.detect(event);
        };
        try {
            outputs = AlertOutputs.start(config.outputs(), registry);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
        try {
            Journal journal = new Journal(config.data().resolve("journal"), config.ingest().journalSegmentBytes(),
                    config.ingest().replay(), Clock.systemUTC());
            pipeline = forwarding(config, journal, decoder,
                    outputs.isEmpty() ? detector : new PublishingDetector(detector, outputs), store, metrics);
        } catch (IOException | RuntimeException e) {
            outputs.close();
            store.close();
            throw e;
        }
        admission = new AdmissionWebhook(new AdmissionReviewer(
                new PostureEvaluator(rules, new AlertFactory(AttackCatalogue.bundled(), config.cluster())),
                admissionPolicy, Clock.systemUTC()), store);
        try {
            TriageApi triage = new TriageApi(store, Clock.systemUTC());
            SuppressApi suppress = new SuppressApi(store, live.suppressions(), live, Clock.systemUTC());
            ReloadApi reload = new ReloadApi(live);
            SourcesApi sources = new SourcesApi(heartbeats);
            http = new HttpApi(config, store, pipeline, decoder, metrics, registry, new MatrixJson(coverage(matrix, rules)), admission,
                    routes -> {
                        triage.register(routes);
                        suppress.register(routes);
                        reload.register(routes);
                        sources.register(routes);
                    });
        } catch (RuntimeException e) {
            admission.close();
            pipeline.close();
            outputs.close();
            store.close();
            throw e;
        }
        List<Path> watched = new ArrayList<>(config.rules());
        watched.add(operations.suppressions());
        watcher = operations.watch() ? watch(watched, live) : null;
        housekeeping = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("picket-retention").unstarted(r));
        Duration retention = config.store().retention();
        if (retention != null) {
            housekeeping.scheduleAtFixedRate(() -> deleteOld(retention), 0, RETENTION_EVERY.toMinutes(), TimeUnit.MINUTES);
        }
        if (operations.silentAfter() != null) {
            long every = Math.max(1000, operations.silentAfter().toMillis() / 10);
            housekeeping.scheduleAtFixedRate(() -> raiseSilences(heartbeats), every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** The pipeline, forwarding to Kafka when configured, and then running the rules only if asked to. */
    private static IngestPipeline forwarding(ServerConfig config, Journal journal, BatchDecoder decoder, Detector detector,
                                             AlertStore store, IngestMetrics metrics) throws IOException {
        ServerConfig.Forward forward = config.forward();
        if (forward == null) return new IngestPipeline(journal, decoder, detector, store, metrics, config.ingest().queueBytes());
        Detector here = forward.evaluate() ? detector : event -> List.of();
        return new IngestPipeline(journal, decoder, here, KafkaForwarder.open(forward), store, metrics, config.ingest().queueBytes());
    }

    /** Watches the rule and suppression folders (creating the latter, so its first file is seen); null when that fails. */
    private static FolderWatcher watch(List<Path> folders, LiveRules live) {
        try {
            Files.createDirectories(folders.getLast());
            return new FolderWatcher(folders, live::reload);
        } catch (IOException e) {
            LOG.warn("rule files are not watched (reload with POST /v1/reload): {}", e.getMessage());
            return null;
        }
    }

    private static Coverage coverage(AttackMatrix matrix, RuleSet rules) {
        Map<String, List<String>> tags = new LinkedHashMap<>();
        rules.rules().forEach(r -> tags.put(r.ruleId(), r.tags()));
        return new Coverage(matrix, tags);
    }

    public PicketServer start() {
        pipeline.start();
        http.start();
        return this;
    }

    public int port() {
        return http.port();
    }

    /** Stores a silence alert for each source that has just gone quiet. */
    private void raiseSilences(SourceHeartbeats heartbeats) {
        try {
            List<ObjectNode> alerts = heartbeats.check();
            if (alerts.isEmpty()) return;
            alerts.forEach(a -> LOG.warn("{}: {}", SourceHeartbeats.RULE_ID, a.path("description").asText()));
            store.add(alerts);
        } catch (RuntimeException e) {
            LOG.warn("source silence check: {}", e.getMessage());
        }
    }

    private void deleteOld(Duration retention) {
        try {
            int n = store.deleteBefore(Clock.systemUTC().instant().minus(retention));
            if (n > 0) LOG.info("retention: deleted {} alerts older than {}", n, retention);
        } catch (RuntimeException e) {
            LOG.warn("retention: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        http.close();
        if (watcher != null) watcher.close();
        housekeeping.shutdownNow();
        admission.close();
        pipeline.close();
        outputs.close();
        store.close();
    }
}
