package dev.picket.posture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.Match;
import dev.picket.engine.alert.Alert;
import dev.picket.engine.alert.AlertFactory;
import dev.picket.engine.alert.Entity;
import dev.picket.engine.event.Event;
import dev.picket.engine.rule.RuleInfo;
import dev.picket.engine.sigma.DetectionRule;
import dev.picket.engine.sigma.Detector;
import dev.picket.engine.sigma.RuleSet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges Kubernetes objects with the posture rules of a rule set: the rules whose YAML says
 * {@code posture: true} (they judge what an object is, not who made it or when), offered the object as
 * its creation's audit event ({@link ObjectEvent}). Only detection rules take part: correlations
 * count events over time, which a set of objects is not. Thread-safe: each call uses its own detector.
 */
public final class PostureEvaluator {
    /** Object annotation prefix exempting it from a rule: {@code exempt.posture.picket.dev/<rule id>: <why>}. */
    public static final String EXEMPT_PREFIX = "exempt.posture.picket.dev/";

    private final RuleSet rules;
    private final AlertFactory alerts;

    public PostureEvaluator(RuleSet rules, AlertFactory alerts) {
        this.rules = rules;
        this.alerts = alerts;
    }

    /** True for rules that judge an object's shape, marked {@code posture: true}. */
    public static boolean isPostureRule(RuleInfo rule) {
        return rule.document() != null && rule.document().path("posture").asBoolean(false);
    }

    /**
     * @param evaluation {@code scan} or {@code admission} (see {@link ObjectEvent#MARKER})
     * @param user       the requesting user in audit form
     */
    public List<Finding> evaluate(KubeObject object, String evaluation, ObjectNode user, Instant time) {
        Event event = ObjectEvent.of(object, evaluation, user, time);
        Detector detector = rules.detector();
        List<DetectionRule> fired = new ArrayList<>();
        detector.detect(event, true, r -> {
            if (isPostureRule(r.info())) fired.add(r);
        });
        List<Finding> out = new ArrayList<>(fired.size());
        for (DetectionRule rule : fired) {
            List<Location> locations = FieldLocator.locate(event, rule);
            out.add(new Finding(rule.info(), object, locations, exemption(object, rule.info()),
                    () -> focus(alerts.create(Match.detection(rule.info(), event)), locations)));
        }
        return out;
    }

    /** The entity names the container the finding is about, not just the first one of the pod. */
    private static Alert focus(Alert a, List<Location> locations) {
        String container = locations.stream().map(Location::container).filter(c -> c != null).findFirst().orElse(null);
        if (container == null) return a;
        Entity e = a.entity();
        Entity focused = new Entity(e.cluster(), e.namespace(), e.workload(), e.pod(), container,
                container.equals(e.container()) ? e.image() : null, e.node(), e.user(), e.sourceIp());
        return new Alert(a.id(), a.time(), a.ruleId(), a.ruleTitle(), a.severity(), a.attack(), focused,
                a.evidence(), a.groupBy(), a.description(), a.remediation());
    }

    private static String exemption(KubeObject object, RuleInfo rule) {
        JsonNode reason = object.object().path("metadata").path("annotations").get(EXEMPT_PREFIX + rule.ruleId());
        // An exemption must say why: an empty annotation justifies nothing and exempts nothing.
        if (reason == null || !reason.isTextual() || reason.asText().isBlank()) return null;
        return reason.asText().strip();
    }
}
