package dev.picket.streams.config;

import dev.picket.io.decode.InputFormat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runner's configuration, as read from its YAML file ({@link SettingsFile}).
 *
 * @param kafka            properties handed to Kafka Streams as they are ({@code bootstrap.servers}, security)
 * @param applicationId    the Kafka Streams application id: instances with the same id share the work
 * @param threads          stream threads of this instance
 * @param stateDir         where this instance keeps its state stores
 * @param inputs           input topics and their formats
 * @param output           the alert topic
 * @param cluster          the cluster name of records that do not carry one in a header (null: none)
 * @param ruleFiles        user rule files or folders
 * @param builtinRules     whether the built-in rules are loaded
 * @param maxGroupsPerRule per task, the open correlation groups one rule may hold
 * @param httpPort         port of {@code /metrics} and {@code /healthz} (0: any free port; -1: none)
 * @param store            where alerts are also written for the UI, or null
 */
public record StreamsSettings(Map<String, String> kafka, String applicationId, int threads, Path stateDir,
                              List<Input> inputs, String output, String cluster, List<Path> ruleFiles,
                              boolean builtinRules, int maxGroupsPerRule, int httpPort, StoreSink store) {

    /** An input topic; a null format is recognised per record. */
    public record Input(String topic, InputFormat format) {
    }

    /**
     * PostgreSQL (or any JDBC URL the store module supports) the alerts are copied into.
     *
     * @param password read from the environment variable the file names, never from the file
     */
    public record StoreSink(String jdbcUrl, String user, String password) {
        @Override
        public String toString() {
            return "StoreSink[" + jdbcUrl + ", user=" + user + "]";
        }
    }

    public StreamsSettings {
        kafka = Map.copyOf(kafka);
        inputs = List.copyOf(inputs);
        ruleFiles = List.copyOf(ruleFiles);
    }

    public Map<String, InputFormat> formats() {
        Map<String, InputFormat> formats = new LinkedHashMap<>();
        for (Input in : inputs) formats.put(in.topic(), in.format());
        return formats;
    }

    public List<String> inputTopics() {
        return inputs.stream().map(Input::topic).toList();
    }
}
