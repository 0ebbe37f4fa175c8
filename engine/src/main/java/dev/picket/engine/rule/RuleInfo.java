package dev.picket.engine.rule;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.event.LogSource;

import java.util.List;

/**
 * What a rule says about itself: identity, text for people, severity, ATT&amp;CK tags, where it was
 * read from, and the whole YAML document as a JSON tree (custom fields live there).
 *
 * <p>For correlation rules {@code logsource} is null: they read matches, not events.
 */
public record RuleInfo(String id, String name, String title, String description, Severity level,
                       List<String> tags, List<String> falsepositives, List<String> references,
                       String remediation, LogSource logsource, String file, int line,
                       ObjectNode document) {

    public RuleInfo {
        tags = List.copyOf(tags);
        falsepositives = List.copyOf(falsepositives);
        references = List.copyOf(references);
    }

    /** The id alerts carry: the Sigma {@code name} when present, else {@code id}, else the title. */
    public String ruleId() {
        if (name != null) return name;
        return id != null ? id : title;
    }

    /** True when a reference (as correlations and filters write them) denotes this rule. */
    public boolean isNamed(String reference) {
        return reference.equals(id) || reference.equals(name);
    }

    @Override
    public String toString() {
        return ruleId() + " (" + file + ":" + line + ")";
    }
}
