package dev.picket.engine.rule;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.event.LogSource;

import java.util.List;

/** What a rule says about itself; {@code document} is the whole rule YAML document as a tree. */
public record RuleInfo(String id, String name, String title, String description, Severity level,
                       List<String> tags, List<String> falsepositives, List<String> references,
                       String remediation, LogSource logsource, String file, int line,
                       ObjectNode document) {

    /** The rule's name when present, else its id: the alert's {@code rule.id}. */
    public String ruleId() {
        return name != null ? name : id;
    }
}
