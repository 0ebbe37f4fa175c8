package dev.picket.engine.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.Match;
import dev.picket.engine.attack.AttackCatalogue;
import dev.picket.engine.event.Event;
import dev.picket.engine.redact.Redactor;
import dev.picket.engine.rule.RuleInfo;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns an engine {@link Match} into an {@link Alert}: ATT&CK labels from the rule's tags (read in
 * the catalogue's release), the entity from the evidence (the first event that says, field by field),
 * and the evidence and a correlation's group-by values with secrets redacted.
 */
public final class AlertFactory {
    private final AttackCatalogue attack;
    private final String cluster;

    /**
     * @param cluster the cluster name for events whose source names none (null: leave it out)
     */
    public AlertFactory(AttackCatalogue attack, String cluster) {
        this.attack = attack;
        this.cluster = cluster;
    }

    /** Over the bundled ATT&CK catalogue. */
    public AlertFactory(String cluster) {
        this(AttackCatalogue.bundled(), cluster);
    }

    public Alert create(Match match) {
        RuleInfo rule = match.rule();
        Entity entity = Entity.NONE;
        for (Event e : match.events()) entity = entity.orElse(Entities.of(e, cluster));
        List<ObjectNode> evidence = match.events().stream().map(e -> Redactor.redact(e.root())).toList();
        Map<String, String> groupBy = new TreeMap<>();
        match.groupBy().forEach((field, value) -> groupBy.put(field, Redactor.redact(value)));
        return new Alert(AlertIds.of(rule.ruleId(), match.events()), match.time(), rule.ruleId(), rule.title(),
                rule.level(), attack.labels(rule.tags()), entity, evidence, groupBy, rule.description(), rule.remediation());
    }
}
