package dev.picket.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.picket.outputs.OutputSettings;
import dev.picket.outputs.OutputsConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code picket serve} is configured with: the YAML file, then environment overrides
 * ({@code PICKET_TOKEN}, {@code PICKET_STORE_URL}, {@code PICKET_STORE_PASSWORD}), then flags.
 * Relative paths in the file are resolved against the file's directory.
 *
 * <pre>
 * port: 8443
 * data: /var/lib/picket            # journal and the SQLite store
 * cluster: prod-eu                 # the cluster name alerts from this server carry
 * token: ...                       # bearer token; better: PICKET_TOKEN
 * tls:
 *   certificate: tls.crt           # PEM chain, with key: tls.key (PKCS#8 PEM)
 *   key: tls.key
 *   keystore: server.p12           # or a PKCS#12 keystore and its password
 *   keystorePassword: ...
 *   clientCa: ca.crt               # accept client certificates this CA issued
 * store:
 *   url: jdbc:postgresql://db/picket   # default: SQLite file under data
 *   user: picket
 *   password: ...
 *   retention: 30d
 * ingest:
 *   maxBatch: 16MiB
 *   queue: 256MiB
 *   journalSegment: 64MiB
 *   replay: 1h                     # journal kept and replayed on start; at least the longest correlation timespan
 * incidents:
 *   window: 30m
 * rules: [extra-rules/]            # Sigma files or folders beside the built-in rules
 * forward:                         # pass accepted events on to the streams runner's input topics
 *   kafka: {bootstrap.servers: kafka:9092}
 *   auditTopic: picket.audit
 *   eventsTopic: picket.events
 *   evaluate: false                # false: only forward; true: also run the rules here
 * outputs:                         # where alerts go besides the store; see OutputsConfig
 *   - type: slack
 *     url: https://hooks.slack.com/services/T000/B000/XXXX
 *     filter: {minSeverity: high}
 * </pre>
 */
public record ServerConfig(int port, Path data, String cluster, String token, Tls tls, Store store, Ingest ingest,
                           Duration incidentWindow, List<Path> rules, Forward forward, List<OutputSettings> outputs) {

    /** Without alert outputs. */
    public ServerConfig(int port, Path data, String cluster, String token, Tls tls, Store store, Ingest ingest,
                        Duration incidentWindow, List<Path> rules, Forward forward) {
        this(port, data, cluster, token, tls, store, ingest, incidentWindow, rules, forward, List.of());
    }

    public record Tls(Path certificate, Path key, Path keystore, String keystorePassword, Path clientCa) {
        public boolean enabled() {
            return certificate != null || keystore != null;
        }

        @Override
        public String toString() {
            return "Tls[certificate=" + certificate + ", key=" + key + ", keystore=" + keystore + ", clientCa=" + clientCa + "]";
        }
    }

    public record Store(String url, String user, String password, Duration retention) {
        /** Without the password, and without the URL, which may carry one. */
        @Override
        public String toString() {
            return "Store[" + (url == null ? "sqlite" : "jdbc") + ", retention=" + retention + "]";
        }
    }

    public record Ingest(long maxBatchBytes, long queueBytes, long journalSegmentBytes, Duration replay) {
    }

    /**
     * Forwarding accepted events to Kafka for {@code picket streams} (null: off).
     *
     * @param kafka    producer properties ({@code bootstrap.servers}, security settings)
     * @param evaluate whether this server also runs the rules over what it forwards
     */
    public record Forward(Map<String, String> kafka, String auditTopic, String eventsTopic, boolean evaluate) {
        public Forward {
            kafka = Map.copyOf(kafka);
        }

        /** Only the brokers: the other properties may hold credentials. */
        @Override
        public String toString() {
            return "Forward[" + kafka.get("bootstrap.servers") + ", " + auditTopic + ", " + eventsTopic + ", evaluate=" + evaluate + "]";
        }
    }

    public static final int DEFAULT_PORT = 8443;

    /** Without forwarding to Kafka. */
    public ServerConfig(int port, Path data, String cluster, String token, Tls tls, Store store, Ingest ingest,
                        Duration incidentWindow, List<Path> rules) {
        this(port, data, cluster, token, tls, store, ingest, incidentWindow, rules, null);
    }

    /** Without the token: configurations end up in logs. */
    @Override
    public String toString() {
        return "ServerConfig[port=" + port + ", data=" + data + ", cluster=" + cluster + ", token="
                + (token == null ? "none" : "set") + ", tls=" + tls + ", store=" + store + ", ingest=" + ingest
                + ", incidentWindow=" + incidentWindow + ", rules=" + rules + ", forward=" + forward + ", outputs=" + outputs + "]";
    }

    /** The configuration with no file: defaults and the environment. */
    public static ServerConfig defaults(Map<String, String> env) {
        return from(new File(), Path.of("."), "defaults", env);
    }

    public static ServerConfig load(Path file, Map<String, String> env) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        File parsed;
        try {
            parsed = yaml.readValue(Files.readString(file), File.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ":" + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        if (parsed == null) parsed = new File();
        Path base = file.toAbsolutePath().getParent();
        return from(parsed, base, file.toString(), env);
    }

    /** This configuration with the command line's port and data directory, where given. */
    public ServerConfig withFlags(Integer flagPort, Path flagData) {
        return new ServerConfig(flagPort != null ? flagPort : port, flagData != null ? flagData : data, cluster, token,
                tls, store, ingest, incidentWindow, rules, forward, outputs);
    }

    private static ServerConfig from(File f, Path base, String where, Map<String, String> env) {
        String token = env.getOrDefault("PICKET_TOKEN", f.token);
        if (token != null && token.isBlank()) token = null;
        FileTls t = f.tls == null ? new FileTls() : f.tls;
        Tls tls = new Tls(path(base, t.certificate), path(base, t.key), path(base, t.keystore), t.keystorePassword,
                path(base, t.clientCa));
        if (tls.certificate() != null && tls.keystore() != null) {
            throw new ConfigException(where + ": tls: give either certificate and key, or keystore, not both");
        }
        if ((tls.certificate() == null) != (tls.key() == null)) {
            throw new ConfigException(where + ": tls: certificate and key go together");
        }
        if (tls.clientCa() != null && !tls.enabled()) {
            throw new ConfigException(where + ": tls.clientCa needs a server certificate (tls.certificate or tls.keystore)");
        }
        FileStore s = f.store == null ? new FileStore() : f.store;
        Store store = new Store(env.getOrDefault("PICKET_STORE_URL", s.url), s.user,
                env.getOrDefault("PICKET_STORE_PASSWORD", s.password),
                s.retention == null ? null : Quantities.duration("store.retention", s.retention));
        FileIngest i = f.ingest == null ? new FileIngest() : f.ingest;
        Ingest ingest = new Ingest(Quantities.bytes("ingest.maxBatch", i.maxBatch),
                Quantities.bytes("ingest.queue", i.queue),
                Quantities.bytes("ingest.journalSegment", i.journalSegment),
                Quantities.duration("ingest.replay", i.replay));
        if (ingest.maxBatchBytes() > ingest.queueBytes()) {
            throw new ConfigException(where + ": ingest.maxBatch (" + i.maxBatch + ") must not exceed ingest.queue ("
                    + i.queue + "): such a batch could never be accepted");
        }
        if (f.port < 0 || f.port > 65535) throw new ConfigException(where + ": port " + f.port + " is not a TCP port");
        Duration window = Quantities.duration("incidents.window",
                f.incidents == null || f.incidents.window == null ? "30m" : f.incidents.window);
        List<Path> rules = f.rules == null ? List.of() : f.rules.stream().map(r -> path(base, r)).toList();
        List<OutputSettings> outputs;
        try {
            outputs = OutputsConfig.parse(f.outputs, base);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + e.getMessage());
        }
        return new ServerConfig(f.port, path(base, f.data), f.cluster, token, tls, store, ingest, window, rules,
                forward(f.forward, where), outputs);
    }

    private static Forward forward(FileForward f, String where) {
        if (f == null) return null;
        if (f.kafka == null || !f.kafka.containsKey("bootstrap.servers")) {
            throw new ConfigException(where + ": forward.kafka.bootstrap.servers: required");
        }
        return new Forward(f.kafka, f.auditTopic, f.eventsTopic, f.evaluate);
    }

    private static Path path(Path base, String value) {
        return value == null ? null : base.resolve(value).normalize();
    }

    /** The file's shape, as written; read into the typed configuration above. */
    private static final class File {
        @JsonProperty int port = DEFAULT_PORT;
        @JsonProperty String data = "picket-data";
        @JsonProperty String cluster;
        @JsonProperty String token;
        @JsonProperty FileTls tls;
        @JsonProperty FileStore store;
        @JsonProperty FileIngest ingest;
        @JsonProperty FileIncidents incidents;
        @JsonProperty List<String> rules;
        @JsonProperty FileForward forward;
        /** Read by {@link OutputsConfig}, which knows each output type's keys. */
        @JsonProperty JsonNode outputs;
        /** Read by {@link dev.picket.server.ops.Operations}. */
        @JsonProperty JsonNode operations;
    }

    private static final class FileForward {
        @JsonProperty Map<String, String> kafka;
        @JsonProperty String auditTopic = "picket.audit";
        @JsonProperty String eventsTopic = "picket.events";
        @JsonProperty boolean evaluate;
    }

    private static final class FileTls {
        @JsonProperty String certificate;
        @JsonProperty String key;
        @JsonProperty String keystore;
        @JsonProperty String keystorePassword;
        @JsonProperty String clientCa;
    }

    private static final class FileStore {
        @JsonProperty String url;
        @JsonProperty String user;
        @JsonProperty String password;
        @JsonProperty String retention;
    }

    private static final class FileIngest {
        @JsonProperty String maxBatch = "16MiB";
        @JsonProperty String queue = "256MiB";
        @JsonProperty String journalSegment = "64MiB";
        @JsonProperty String replay = "1h";
    }

    private static final class FileIncidents {
        @JsonProperty String window;
    }
}
