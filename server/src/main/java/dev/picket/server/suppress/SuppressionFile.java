package dev.picket.server.suppress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.picket.engine.event.LogSource;
import dev.picket.engine.rule.RuleInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes "suppress this" as a Sigma global filter file: the alert's rule, scoped to the alert's
 * entity by the values its evidence event holds (so the filter reads the same fields the rule does),
 * with the reason, the expiry and who asked. One file per suppression, named after the rule and
 * entity, so a team reviews and keeps them in git like any rule.
 */
public final class SuppressionFile {
    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
    private static final Pattern UNSAFE = Pattern.compile("[^a-z0-9]+");

    /** What a scope name means in events: the fields that may hold the entity's value, audit first. */
    private static final Map<String, List<String>> FIELDS = Map.of(
            "namespace", List.of("objectRef.namespace", "k8s.namespace"),
            "pod", List.of("k8s.pod", "objectRef.name"),
            "user", List.of("user.username", "User"),
            "node", List.of("node"),
            "image", List.of("container.image"),
            "sourceIp", List.of("sourceIPs", "SourceIp"));

    /** The scope used when the caller names none: the workload (or pod) in its namespace, else the principal, else the node. */
    static final List<List<String>> DEFAULT_SCOPES = List.of(List.of("namespace", "workload"), List.of("namespace", "pod"),
            List.of("user"), List.of("sourceIp"), List.of("node"));

    private SuppressionFile() {
    }

    /** How alerts and counts name a suppression filter: its id, else its title. */
    public static String key(RuleInfo filter) {
        return filter.id() != null ? filter.id() : filter.title();
    }

    /** A scope that cannot be built from the alert; the message says why. */
    public static final class ScopeException extends Exception {
        ScopeException(String message) {
            super(message);
        }
    }

    /**
     * The Sigma selection that scopes the filter: field (with modifier) to value, one per scope name.
     *
     * @param scope the entity fields to scope by; empty for the default
     */
    static Map<String, String> selection(ObjectNode alert, List<String> scope) throws ScopeException {
        JsonNode entity = alert.path("entity");
        JsonNode event = alert.path("evidence").path(0);
        if (!event.isObject()) throw new ScopeException("the alert has no evidence event to scope a filter by");
        if (scope.isEmpty()) {
            for (List<String> candidate : DEFAULT_SCOPES) {
                try {
                    return selection(entity, event, candidate);
                } catch (ScopeException next) {
                    // try the next, broader entity
                }
            }
            throw new ScopeException("the alert names no entity (workload, pod, user, source address or node) to scope a filter by");
        }
        return selection(entity, event, scope);
    }

    private static Map<String, String> selection(JsonNode entity, JsonNode event, List<String> scope) throws ScopeException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : scope) {
            if (name.equals("workload")) {
                out.putAll(workload(entity, event));
                continue;
            }
            List<String> fields = FIELDS.get(name);
            if (fields == null) {
                throw new ScopeException("scope: '" + name + "' is not one of namespace, workload, pod, user, node, image, sourceIp");
            }
            String value = entity.path(name).asText("");
            String field = value.isEmpty() ? null
                    : fields.stream().filter(f -> holds(event, f, value)).findFirst().orElse(null);
            if (field == null) throw new ScopeException("scope: the alert's evidence names no " + name);
            out.put(field, value);
        }
        return out;
    }

    /** A workload's pods are named after it plus generated suffixes (replica set hash, pod id, ordinal). */
    private static Map<String, String> workload(JsonNode entity, JsonNode event) throws ScopeException {
        String name = entity.path("workload").path("name").asText("");
        if (name.isEmpty()) throw new ScopeException("scope: the alert names no workload");
        if (holds(event, "objectRef.name", name)) return Map.of("objectRef.name", name);
        if (!event.path("k8s").path("pod").asText("").isEmpty()) {
            // Kubernetes names hold only [a-z0-9.-]; of these only the dot needs escaping.
            return Map.of("k8s.pod|re", "^" + name.replace(".", "\\.") + "(-[a-z0-9]+){1,2}$");
        }
        throw new ScopeException("scope: the alert's evidence names no pod of workload " + name);
    }

    private static boolean holds(JsonNode event, String field, String value) {
        JsonNode node = event.at("/" + field.replace(".", "/"));
        if (node.isArray()) {
            for (JsonNode n : node) if (value.equals(n.asText())) return true;
            return false;
        }
        return value.equals(node.asText(null));
    }

    /**
     * Writes the filter file into the folder (created when missing); never overwrites one.
     *
     * @return the file written
     */
    static Path write(Path folder, ObjectNode alert, RuleInfo rule, Map<String, String> selection, String reason,
                      Instant expires, String actor, Instant now) throws IOException {
        String id = UUID.randomUUID().toString();
        String entity = String.join(" ", selection.values());
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("title", "Suppress " + rule.ruleId() + " for " + entity);
        doc.put("id", id);
        doc.put("status", "experimental");
        doc.put("description", reason);
        doc.put("author", actor);
        doc.put("date", now.atOffset(ZoneOffset.UTC).toLocalDate().toString());
        doc.put("expires", expires.toString());
        doc.put("suppressedAlert", alert.path("id").asText());
        LogSource source = rule.logsource();
        ObjectNode logsource = doc.putObject("logsource");
        if (source.product() != null) logsource.put("product", source.product());
        if (source.category() != null) logsource.put("category", source.category());
        if (source.service() != null) logsource.put("service", source.service());
        ObjectNode filter = doc.putObject("filter");
        filter.putArray("rules").add(rule.ruleId());
        ObjectNode scope = filter.putObject("scope");
        selection.forEach(scope::put);
        filter.put("condition", "scope");
        String text = "# Picket suppression: matches are still stored, flagged as suppressed, until 'expires'.\n"
                + "# Keep this file in git; delete it to lift the suppression.\n" + YAML.writeValueAsString(doc);
        Files.createDirectories(folder);
        String slug = UNSAFE.matcher((rule.ruleId() + "-" + entity).toLowerCase(Locale.ROOT)).replaceAll("-");
        if (slug.length() > 80) slug = slug.substring(0, 80);
        Path file = folder.resolve(slug.replaceAll("^-|-$", "") + "-" + id.substring(0, 8) + ".yml");
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        return file;
    }
}
