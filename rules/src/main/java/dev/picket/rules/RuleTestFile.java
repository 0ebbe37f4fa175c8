package dev.picket.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.picket.engine.rule.RuleError;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a rule test file ({@code X.test.yml}):
 * <pre>
 * cases:
 *   - name: privileged pod created by a user
 *     fires: true          # whether the rules of X.yml must fire
 *     events: [ ... ]      # raw input records: audit or runtime event objects, sshd log lines as strings
 * </pre>
 * Each case keeps the line it starts on, so a failing case is reported where it is written.
 */
final class RuleTestFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> CASE_KEYS = Set.of("name", "fires", "events");

    private RuleTestFile() {
    }

    static List<RuleTests.Case> parse(String file, String text) throws RuleTestException {
        List<RuleError> errors = new ArrayList<>();
        List<RuleTests.Case> cases = new ArrayList<>();
        try (JsonParser p = YAML.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new RuleTestException(List.of(new RuleError(file, line(p), "a rule test file is a map with 'cases'")));
            }
            boolean sawCases = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!field.equals("cases")) {
                    errors.add(new RuleError(file, line(p), "unknown key '" + field + "' (a rule test file has 'cases')"));
                    p.skipChildren();
                    continue;
                }
                sawCases = true;
                if (value != JsonToken.START_ARRAY) {
                    errors.add(new RuleError(file, line(p), "'cases' must be a list"));
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    int at = line(p);
                    JsonNode c = YAML.readTree(p);
                    readCase(file, at, c, cases, errors);
                }
            }
            if (!sawCases) errors.add(new RuleError(file, 1, "no 'cases'"));
        } catch (IOException e) {
            int at = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? j.getLocation().getLineNr() : 1;
            errors.add(new RuleError(file, at, "not valid YAML: " + firstLine(e.getMessage())));
        }
        if (!errors.isEmpty()) throw new RuleTestException(errors);
        return cases;
    }

    private static void readCase(String file, int line, JsonNode c, List<RuleTests.Case> out, List<RuleError> errors) {
        if (!c.isObject()) {
            errors.add(new RuleError(file, line, "a case is a map with name, fires and events"));
            return;
        }
        int before = errors.size();
        c.fieldNames().forEachRemaining(k -> {
            if (!CASE_KEYS.contains(k)) errors.add(new RuleError(file, line, "unknown key '" + k + "' (a case has name, fires, events)"));
        });
        JsonNode name = c.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) errors.add(new RuleError(file, line, "a case needs a 'name'"));
        JsonNode fires = c.get("fires");
        if (fires == null || !fires.isBoolean()) errors.add(new RuleError(file, line, "a case needs 'fires: true' or 'fires: false'"));
        JsonNode events = c.get("events");
        if (events == null || !events.isArray() || events.isEmpty()) {
            errors.add(new RuleError(file, line, "a case needs a non-empty 'events' list"));
        } else {
            for (int i = 0; i < events.size(); i++) {
                JsonNode e = events.get(i);
                if (!e.isObject() && !e.isTextual()) {
                    errors.add(new RuleError(file, line, "event " + (i + 1) + " is neither an event object nor a log line"));
                }
            }
        }
        if (errors.size() > before) return;
        List<JsonNode> list = new ArrayList<>();
        events.forEach(list::add);
        out.add(new RuleTests.Case(file, line, name.asText(), fires.asBoolean(), list));
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
