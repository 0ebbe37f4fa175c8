package dev.picket.server.health;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.FieldPath;
import dev.picket.engine.event.LogSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each source's heartbeat: a cluster's audit stream (by cluster) and each node's sensor (by node).
 * Every processed event beats its source. A source quiet for longer than {@code silentAfter} is
 * stale, and going stale raises Picket's own alert, {@value #RULE_ID}, once per silence: silence is
 * how a blinded sensor or a cut audit webhook looks from here.
 *
 * <p>Per source, metrics give the seconds since its last event ({@code picket_source_silence_seconds})
 * and how far its last event's time lagged its arrival ({@code picket_source_lag_seconds}).
 */
public final class SourceHeartbeats {
    /** The rule id of the silence alert. */
    public static final String RULE_ID = "picket-source-silent";

    private static final FieldPath NODE = FieldPath.of("node");

    private final Clock clock;
    private final Duration silentAfter;
    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, Beat> beats = new ConcurrentHashMap<>();

    /** One source as last heard. */
    public record Source(String key, String kind, String cluster, String node, Instant lastSeen, Duration lag,
                         boolean stale) {
    }

    private static final class Beat {
        final String kind;
        final String cluster;
        final String node;
        volatile Instant lastSeen;
        volatile Duration lag = Duration.ZERO;
        volatile boolean stale;

        Beat(String kind, String cluster, String node) {
            this.kind = kind;
            this.cluster = cluster;
            this.node = node;
        }
    }

    /** @param silentAfter null: sources are never stale (their heartbeats still show and count) */
    public SourceHeartbeats(Clock clock, Duration silentAfter, MeterRegistry registry) {
        this.clock = clock;
        this.silentAfter = silentAfter;
        this.registry = registry;
    }

    /** The event's source beats. Called on the ingest worker for every event. */
    public void beat(Event event) {
        boolean audit = LogSource.KUBERNETES_AUDIT.equals(event.logSource());
        String cluster = event.origin().cluster();
        String node = audit ? null : event.text(NODE);
        String kind = audit ? "audit" : "sensor";
        String key = audit ? "audit/" + (cluster == null ? "-" : cluster) : "sensor/" + (cluster == null ? "-" : cluster)
                + "/" + (node == null ? "-" : node);
        Beat beat = beats.computeIfAbsent(key, k -> register(k, new Beat(kind, cluster, node)));
        Instant now = clock.instant();
        beat.lastSeen = now;
        beat.lag = event.time() == null || event.time().isAfter(now) ? Duration.ZERO : Duration.between(event.time(), now);
        beat.stale = false;
    }

    private Beat register(String key, Beat beat) {
        Gauge.builder("picket_source_silence_seconds", beat, b -> Duration.between(b.lastSeen, clock.instant()).toMillis() / 1000.0)
                .description("Seconds since the source's last event").tag("source", key).register(registry);
        Gauge.builder("picket_source_lag_seconds", beat, b -> b.lag.toMillis() / 1000.0)
                .description("How old the source's last event was when it was processed").tag("source", key).register(registry);
        return beat;
    }

    /**
     * Marks sources quiet beyond {@code silentAfter} as stale and returns one alert for each that
     * has just gone stale; a stale source that beats again is fresh, and a later silence alerts again.
     */
    public List<ObjectNode> check() {
        if (silentAfter == null) return List.of();
        Instant now = clock.instant();
        List<ObjectNode> alerts = new ArrayList<>();
        beats.forEach((key, beat) -> {
            Duration quiet = Duration.between(beat.lastSeen, now);
            if (!beat.stale && quiet.compareTo(silentAfter) > 0) {
                beat.stale = true;
                alerts.add(alert(key, beat, quiet, now));
            }
        });
        return alerts;
    }

    /** Every source heard from, stale ones first. */
    public List<Source> sources() {
        List<Source> out = new ArrayList<>();
        beats.forEach((key, b) -> out.add(new Source(key, b.kind, b.cluster, b.node, b.lastSeen, b.lag, b.stale)));
        out.sort(Comparator.comparing((Source s) -> !s.stale()).thenComparing(Source::key));
        return out;
    }

    private ObjectNode alert(String key, Beat beat, Duration quiet, Instant now) {
        ObjectNode a = JsonNodeFactory.instance.objectNode();
        a.put("id", id(key + '\n' + beat.lastSeen));
        a.put("time", now.toString());
        a.putObject("rule").put("id", RULE_ID).put("title", "Event source went silent");
        a.put("severity", "high");
        ObjectNode attack = a.putObject("attack");
        attack.putArray("tactics").add("defense-impairment");
        attack.putArray("techniques").add("T1685");
        ObjectNode entity = a.putObject("entity");
        if (beat.cluster != null) entity.put("cluster", beat.cluster);
        if (beat.node != null) entity.put("node", beat.node);
        a.put("description", (beat.kind.equals("audit") ? "The API server's audit events" : "The node sensor's events")
                + " stopped arriving: nothing from " + key + " for " + quiet.toSeconds() + " s (threshold "
                + silentAfter.toSeconds() + " s). Detections for this source are blind until it resumes.");
        a.put("remediation", beat.kind.equals("audit")
                ? "Check the API server's audit webhook configuration and its connection to Picket; look for changes to the audit policy."
                : "Check that the picket sensor runs on the node and reaches Picket; a stopped sensor can mean tampering.");
        a.putArray("evidence").addObject().put("source", key).put("lastSeen", beat.lastSeen.toString())
                .put("silentSeconds", quiet.toSeconds());
        return a;
    }

    private static String id(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((RULE_ID + '\n' + text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
