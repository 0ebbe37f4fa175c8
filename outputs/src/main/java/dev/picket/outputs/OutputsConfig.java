package dev.picket.outputs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.engine.rule.Severity;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code outputs:} list of the server's configuration file:
 *
 * <pre>
 * outputs:
 *   - type: webhook                 # JSON POST, signed with HMAC-SHA256 when a secret is given
 *     url: https://soar.example.com/picket
 *     secret: change-me
 *     format: ocsf                  # picket (default) or ocsf
 *     filter: {minSeverity: high, rules: [audit-privileged-container], namespaces: [shop]}
 *   - type: slack
 *     url: https://hooks.slack.com/services/T000/B000/XXXX
 *     ui: https://picket.example.com   # alert links point here
 *   - type: syslog                  # RFC 5424 + CEF, octet-counted
 *     host: siem.example.com
 *     port: 6514
 *     tls: true                     # server certificate checked against the JVM's trust store
 *   - type: kafka
 *     bootstrap: kafka-0:9092
 *     topic: picket-alerts
 *     properties: {security.protocol: SSL}
 *   - type: file
 *     path: /var/log/picket/alerts.jsonl
 *     maxSize: 100MiB
 *     keep: 5
 * </pre>
 *
 * Every output may carry {@code name} (default: its type, numbered when repeated), {@code filter}
 * and {@code queue} (alerts that may wait for it, default 10000).
 */
public final class OutputsConfig {
    private static final Set<String> COMMON = Set.of("type", "name", "filter", "queue");
    private static final Map<String, Set<String>> KEYS = Map.of(
            "webhook", Set.of("url", "secret", "format"),
            "slack", Set.of("url", "ui"),
            "syslog", Set.of("host", "port", "tls", "hostname"),
            "kafka", Set.of("bootstrap", "topic", "format", "properties"),
            "file", Set.of("path", "maxSize", "keep", "format"));
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB)?");

    private OutputsConfig() {
    }

    /**
     * @param list the {@code outputs} node (null or missing: no outputs)
     * @param base the folder relative file paths are resolved against
     * @throws IllegalArgumentException naming the output ({@code outputs[1] (slack)}) and what is wrong
     */
    public static List<OutputSettings> parse(JsonNode list, Path base) {
        if (list == null || list.isNull() || list.isMissingNode()) return List.of();
        if (!list.isArray()) throw new IllegalArgumentException("outputs: must be a list");
        List<OutputSettings> outputs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<String, Integer> perType = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode o = list.get(i);
            String type = o.path("type").asText("");
            String where = "outputs[" + i + "]" + (type.isEmpty() ? "" : " (" + type + ")");
            try {
                if (!KEYS.containsKey(type)) {
                    throw new IllegalArgumentException("type must be one of webhook, slack, syslog, kafka, file");
                }
                checkKeys(o, KEYS.get(type));
                int n = perType.merge(type, 1, Integer::sum);
                String name = o.hasNonNull("name") ? o.get("name").asText() : n == 1 ? type : type + "-" + n;
                if (!names.add(name)) throw new IllegalArgumentException("name '" + name + "' is used twice");
                int queue = o.hasNonNull("queue") ? positive(o, "queue") : OutputSettings.DEFAULT_QUEUE;
                outputs.add(new OutputSettings(name, filter(o.get("filter")), Backoff.DEFAULT, queue, opener(type, o, base)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return outputs;
    }

    private static OutputSettings.Opener opener(String type, JsonNode o, Path base) {
        return switch (type) {
            case "webhook" -> {
                URI url = url(o, "url");
                PayloadFormat format = format(o);
                String secret = o.hasNonNull("secret") ? o.get("secret").asText() : null;
                yield () -> new WebhookOutput(url, format, secret);
            }
            case "slack" -> {
                URI url = url(o, "url");
                URI ui = o.hasNonNull("ui") ? url(o, "ui") : null;
                yield () -> new SlackOutput(url, ui);
            }
            case "syslog" -> {
                String host = required(o, "host");
                int port = positive(o, "port");
                SocketFactory sockets = o.path("tls").asBoolean(false) ? SSLSocketFactory.getDefault() : SocketFactory.getDefault();
                String hostname = o.hasNonNull("hostname") ? o.get("hostname").asText() : localHostname();
                yield () -> new SyslogOutput(host, port, sockets, hostname);
            }
            case "kafka" -> {
                String bootstrap = required(o, "bootstrap");
                String topic = required(o, "topic");
                PayloadFormat format = format(o);
                Map<String, String> properties = new LinkedHashMap<>();
                o.path("properties").properties().forEach(p -> properties.put(p.getKey(), p.getValue().asText()));
                yield () -> new KafkaOutput(bootstrap, topic, format, properties);
            }
            case "file" -> {
                Path path = base.resolve(required(o, "path")).normalize();
                long maxBytes = o.hasNonNull("maxSize") ? bytes(o.get("maxSize").asText()) : 100L << 20;
                int keep = o.hasNonNull("keep") ? o.get("keep").asInt() : 5;
                PayloadFormat format = format(o);
                yield () -> new JsonLinesFileOutput(path, maxBytes, keep, format);
            }
            default -> throw new IllegalStateException(type);
        };
    }

    static AlertFilter filter(JsonNode f) {
        if (f == null || f.isNull()) return AlertFilter.ALL;
        checkKeys(f, Set.of("minSeverity", "rules", "namespaces"), Set.of());
        Severity min = f.hasNonNull("minSeverity") ? severity(f.get("minSeverity").asText()) : Severity.INFORMATIONAL;
        return new AlertFilter(min, words(f, "rules"), words(f, "namespaces"));
    }

    private static Severity severity(String word) {
        for (Severity s : Severity.values()) {
            if (s.word().equals(word.toLowerCase(Locale.ROOT))) return s;
        }
        throw new IllegalArgumentException("filter.minSeverity '" + word + "' is not informational, low, medium, high or critical");
    }

    private static Set<String> words(JsonNode f, String key) {
        JsonNode list = f.get(key);
        if (list == null || list.isNull()) return Set.of();
        if (!list.isArray()) throw new IllegalArgumentException("filter." + key + " must be a list");
        Set<String> out = new HashSet<>();
        list.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static void checkKeys(JsonNode o, Set<String> own) {
        checkKeys(o, own, COMMON);
    }

    private static void checkKeys(JsonNode o, Set<String> own, Set<String> common) {
        if (!o.isObject()) throw new IllegalArgumentException("must be a mapping");
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!own.contains(key) && !common.contains(key)) throw new IllegalArgumentException("unknown key '" + key + "'");
        }
    }

    private static String required(JsonNode o, String key) {
        if (!o.hasNonNull(key) || o.get(key).asText().isBlank()) throw new IllegalArgumentException(key + " is required");
        return o.get(key).asText();
    }

    private static int positive(JsonNode o, String key) {
        JsonNode v = o.get(key);
        if (v == null || !v.canConvertToInt() || v.asInt() < 1) throw new IllegalArgumentException(key + " must be a positive number");
        return v.asInt();
    }

    private static URI url(JsonNode o, String key) {
        String text = required(o, key);
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " is not a URL");
        }
        // The value is not echoed: a Slack URL is itself the credential.
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) throw new IllegalArgumentException(key + " must be an http(s) URL");
        return uri;
    }

    private static PayloadFormat format(JsonNode o) {
        return o.hasNonNull("format") ? PayloadFormat.byWord(o.get("format").asText()) : PayloadFormat.PICKET;
    }

    static long bytes(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) throw new IllegalArgumentException("maxSize '" + text + "' is not a size such as 100MiB");
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2);
        return switch (unit) {
            case "KiB" -> n << 10;
            case "MiB" -> n << 20;
            case "GiB" -> n << 30;
            default -> n;
        };
    }

    private static String localHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "-";
        }
    }
}
