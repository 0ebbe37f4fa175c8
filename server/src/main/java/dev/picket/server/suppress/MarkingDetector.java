package dev.picket.server.suppress;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.event.Event;
import dev.picket.engine.rule.RuleInfo;
import dev.picket.server.ingest.Detector;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs the detector, then flags each alert a live suppression covers with
 * {@code "suppressed": {"filter", "title", "reason", "expires"}}: the store keeps it, counts it and
 * lists it on request, instead of the engine dropping it unseen.
 */
public final class MarkingDetector implements Detector {
    private final Detector detector;
    private final Supplier<Suppressions> suppressions;
    private final Clock clock;

    public MarkingDetector(Detector detector, Supplier<Suppressions> suppressions, Clock clock) {
        this.detector = detector;
        this.suppressions = suppressions;
        this.clock = clock;
    }

    @Override
    public List<ObjectNode> detect(Event event) {
        List<ObjectNode> alerts = detector.detect(event);
        if (alerts.isEmpty()) return alerts;
        Suppressions current = suppressions.get();
        for (ObjectNode alert : alerts) {
            Optional<RuleInfo> filter = current.covering(alert.path("rule").path("id").asText(), event, clock.instant());
            filter.ifPresent(f -> alert.putObject("suppressed")
                    .put("filter", SuppressionFile.key(f))
                    .put("title", f.title())
                    .put("reason", f.description())
                    .put("expires", current.all().get(f).toString()));
        }
        return alerts;
    }
}
