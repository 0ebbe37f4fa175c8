package dev.picket.streams.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.picket.io.decode.InputFormat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the runner's YAML configuration. Every problem is reported as {@code FILE: KEY: what is
 * wrong}, all at once; unknown keys are problems too, so a misspelt option is not silently ignored.
 * Relative paths are relative to the file, as in the server's configuration.
 *
 * <pre>
 * kafka:                        # handed to Kafka Streams as they are
 *   bootstrap.servers: kafka:9092
 * applicationId: picket         # default picket
 * threads: 2                    # default 1
 * stateDir: /var/lib/picket     # default picket-streams-state beside this file
 * inputs:                       # default: picket.audit (audit) and picket.events (runtime)
 *   - topic: picket.audit
 *     format: audit             # omit to recognise the format per record
 * output: picket.alerts         # default picket.alerts
 * cluster: prod-eu              # for records without a picket-cluster header
 * rules: { builtin: true, paths: [/etc/picket/rules] }
 * correlation: { maxGroupsPerRule: 100000 }
 * http: { port: 9400 }          # /metrics and /healthz; -1 turns it off
 * store:                        # optional: alerts are also written here for the UI
 *   jdbcUrl: jdbc:postgresql://db:5432/picket
 *   user: picket
 *   passwordEnv: PICKET_DB_PASSWORD
 * </pre>
 */
public final class SettingsFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP = Set.of("kafka", "applicationId", "threads", "stateDir", "inputs", "output",
            "cluster", "rules", "correlation", "http", "store");

    private final String file;
    private final Path base;
    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    private SettingsFile(String file, Path base, Map<String, String> env) {
        this.file = file;
        this.base = base;
        this.env = env;
    }

    /** @param env the environment secrets are read from */
    public static StreamsSettings read(Path path, Map<String, String> env) throws IOException, SettingsException {
        return new SettingsFile(path.toString(), path.toAbsolutePath().getParent(), env).parse(Files.readString(path));
    }

    /** @param file the name problems carry; relative paths stay relative to the working directory */
    public static StreamsSettings parse(String file, String yaml, Map<String, String> env) throws SettingsException {
        return new SettingsFile(file, Path.of(""), env).parse(yaml);
    }

    private StreamsSettings parse(String yaml) throws SettingsException {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SettingsException(List.of(file + ":" + line + ": not valid YAML: " + e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) root = YAML.createObjectNode();
        if (!root.isObject()) throw new SettingsException(List.of(file + ": expected a mapping at the top"));
        onlyKeys(root, "", TOP);

        Map<String, String> kafka = new LinkedHashMap<>();
        JsonNode k = root.path("kafka");
        if (k.isObject()) k.properties().forEach(e -> kafka.put(e.getKey(), e.getValue().asText()));
        else if (!k.isMissingNode()) problem("kafka", "expected a mapping of Kafka properties");
        if (!kafka.containsKey("bootstrap.servers")) problem("kafka.bootstrap.servers", "required");

        String applicationId = text(root, "applicationId", "picket");
        int threads = integer(root, "threads", 1, 1);
        Path stateDir = base.resolve(text(root, "stateDir", "picket-streams-state"));
        List<StreamsSettings.Input> inputs = inputs(root.path("inputs"));
        String output = text(root, "output", "picket.alerts");
        String cluster = text(root, "cluster", null);

        JsonNode rules = root.path("rules");
        onlyKeys(rules, "rules.", Set.of("builtin", "paths"));
        boolean builtin = !rules.has("builtin") || bool(rules, "rules.builtin");
        List<Path> ruleFiles = new ArrayList<>();
        JsonNode paths = rules.path("paths");
        if (paths.isArray()) paths.forEach(p -> ruleFiles.add(base.resolve(p.asText())));
        else if (!paths.isMissingNode()) problem("rules.paths", "expected a list of files or folders");

        JsonNode correlation = root.path("correlation");
        onlyKeys(correlation, "correlation.", Set.of("maxGroupsPerRule"));
        int maxGroups = integer(correlation, "correlation.maxGroupsPerRule", 100_000, 1);
        JsonNode http = root.path("http");
        onlyKeys(http, "http.", Set.of("port"));
        int port = integer(http, "http.port", 9400, -1);
        StreamsSettings.StoreSink store = store(root.path("store"));

        if (!problems.isEmpty()) throw new SettingsException(problems);
        return new StreamsSettings(kafka, applicationId, threads, stateDir, inputs, output, cluster, ruleFiles, builtin,
                maxGroups, port, store);
    }

    private List<StreamsSettings.Input> inputs(JsonNode node) {
        if (node.isMissingNode()) {
            return List.of(new StreamsSettings.Input("picket.audit", InputFormat.AUDIT),
                    new StreamsSettings.Input("picket.events", InputFormat.RUNTIME));
        }
        List<StreamsSettings.Input> inputs = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            problem("inputs", "expected a non-empty list of {topic, format}");
            return inputs;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode in = node.get(i);
            String where = "inputs[" + i + "]";
            onlyKeys(in, where + ".", Set.of("topic", "format"));
            String topic = in.path("topic").asText("");
            if (topic.isBlank()) problem(where + ".topic", "required");
            InputFormat format = null;
            if (in.has("format")) {
                try {
                    format = InputFormat.byId(in.get("format").asText());
                } catch (IllegalArgumentException e) {
                    problem(where + ".format", e.getMessage());
                }
            }
            inputs.add(new StreamsSettings.Input(topic, format));
        }
        return inputs;
    }

    private StreamsSettings.StoreSink store(JsonNode node) {
        if (node.isMissingNode()) return null;
        onlyKeys(node, "store.", Set.of("jdbcUrl", "user", "passwordEnv"));
        String url = node.path("jdbcUrl").asText("");
        if (url.isBlank()) problem("store.jdbcUrl", "required");
        String password = null;
        if (node.has("passwordEnv")) {
            String variable = node.get("passwordEnv").asText();
            password = env.get(variable);
            if (password == null) problem("store.passwordEnv", "environment variable " + variable + " is not set");
        }
        return new StreamsSettings.StoreSink(url, node.path("user").asText(null), password);
    }

    private void onlyKeys(JsonNode node, String prefix, Set<String> known) {
        if (node.isMissingNode()) return;
        if (!node.isObject()) {
            problem(prefix.isEmpty() ? "(top)" : prefix.substring(0, prefix.length() - 1), "expected a mapping");
            return;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) problem(prefix + name, "unknown key (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
        }
    }

    private String text(JsonNode node, String key, String fallback) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return fallback;
        if (!v.isValueNode() || v.asText().isBlank()) {
            problem(key, "expected a non-empty text");
            return fallback;
        }
        return v.asText();
    }

    /** @param where the key's full name; its last part is looked up in the node */
    private int integer(JsonNode node, String where, int fallback, int min) {
        JsonNode v = node.get(where.substring(where.lastIndexOf('.') + 1));
        if (v == null) return fallback;
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min) {
            problem(where, "expected a whole number of at least " + min + ", got '" + v.asText() + "'");
            return fallback;
        }
        return v.asInt();
    }

    private boolean bool(JsonNode node, String where) {
        JsonNode v = node.get(where.substring(where.lastIndexOf('.') + 1));
        if (!v.isBoolean()) problem(where, "expected true or false");
        return v.asBoolean();
    }

    private void problem(String key, String what) {
        problems.add(file + ": " + key + ": " + what);
    }
}
