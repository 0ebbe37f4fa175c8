package dev.picket.engine.rule;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.event.LogSource;

import java.util.List;

/** What a loaded rule says about itself; {@code document} is the whole rule YAML as a JSON tree. */
public record RuleInfo(String id, String name, String title, String description, Severity level,
                       List<String> tags, List<String> falsepositives, List<String> references,
                       String remediation, LogSource logsource, String file, int line, ObjectNode document) {

    /** The alert's rule.id: the Sigma name when present, else the id. */
    public String ruleId() {
        return name != null && !name.isBlank() ? name : id;
    }
}
