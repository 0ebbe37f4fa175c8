package dev.picket.server.health;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.LogSource;
import dev.picket.engine.event.Origin;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Silence is an alert: a source that stops sending raises picket-source-silent within the configured time. */
class SourceHeartbeatsTest {
    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
    private static final Duration SILENT_AFTER = Duration.ofMinutes(5);

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = T0;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final HandClock clock = new HandClock();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final SourceHeartbeats heartbeats = new SourceHeartbeats(clock, SILENT_AFTER, registry);

    private Event sensor(String node) {
        ObjectNode root = JsonNodeFactory.instance.objectNode().put("node", node);
        return new Event(LogSource.linux("process_creation"), clock.now.minusSeconds(2), new Origin("webhook", 1, "prod"), root);
    }

    private Event audit() {
        return new Event(LogSource.KUBERNETES_AUDIT, clock.now, new Origin("webhook", 1, "prod"), JsonNodeFactory.instance.objectNode());
    }

    /** Every minute for {@code minutes}, the sources given send an event, and the watchdog looks. */
    private int minutes(int minutes, Runnable feed) {
        int alerts = 0;
        for (int i = 0; i < minutes; i++) {
            clock.advance(Duration.ofMinutes(1));
            feed.run();
            alerts += heartbeats.check().size();
        }
        return alerts;
    }

    @Test
    void aSensorThatStopsRaisesOneSilenceAlertOnceQuietLongerThanConfigured() {
        heartbeats.beat(sensor("node-1"));
        heartbeats.beat(sensor("node-2"));
        heartbeats.beat(audit());

        assertThat(minutes(5, () -> {
            heartbeats.beat(sensor("node-1"));
            heartbeats.beat(audit());
        })).as("node-2 quiet for exactly the threshold is not yet silent").isZero();

        clock.advance(Duration.ofSeconds(30));
        heartbeats.beat(sensor("node-1"));
        heartbeats.beat(audit());
        var alerts = heartbeats.check();

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.at("/rule/id").asText()).isEqualTo("picket-source-silent");
            assertThat(a.at("/entity/node").asText()).isEqualTo("node-2");
            assertThat(a.at("/entity/cluster").asText()).isEqualTo("prod");
            assertThat(a.at("/evidence/0/silentSeconds").asLong()).isEqualTo(330);
        });
        assertThat(heartbeats.check()).as("once per silence").isEmpty();
        assertThat(heartbeats.sources()).first().satisfies(s -> {
            assertThat(s.key()).isEqualTo("sensor/prod/node-2");
            assertThat(s.stale()).isTrue();
        });
    }

    @Test
    void aSourceThatResumesIsFreshAndAlertsAgainOnItsNextSilence() {
        heartbeats.beat(audit());
        assertThat(minutes(6, () -> { })).isEqualTo(1);

        heartbeats.beat(audit());
        assertThat(heartbeats.sources()).singleElement().satisfies(s -> assertThat(s.stale()).isFalse());
        assertThat(minutes(6, () -> { })).isEqualTo(1);
    }

    @Test
    void silenceAndLagAreMetricsPerSource() {
        heartbeats.beat(sensor("node-1"));
        clock.advance(Duration.ofSeconds(90));

        assertThat(registry.scrape()).contains("picket_source_silence_seconds{source=\"sensor/prod/node-1\"} 90.0",
                "picket_source_lag_seconds{source=\"sensor/prod/node-1\"} 2.0");
    }
}
