package dev.picket.server.ops;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.picket.engine.rule.Severity;
import dev.picket.server.config.ConfigException;
import dev.picket.server.config.Quantities;
import dev.picket.server.reload.RuleOverride;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code operations:} section of the config file: how the server is run day to day.
 *
 * <pre>
 * operations:
 *   suppressions: suppressions/   # folder of suppression filters, kept in git (default DATA/suppressions)
 *   watch: true                   # reload rules and suppressions when their files change
 *   silentAfter: 10m              # a source quiet this long raises picket-source-silent
 *   overrides:                    # by the rule id alerts carry
 *     K8S-EXEC: {severity: low, tags: [team.payments]}
 *     K8S-PORTFORWARD: {disabled: true}
 * </pre>
 *
 * @param silentAfter null: sources are not watched for silence
 */
public record Operations(Path suppressions, boolean watch, Duration silentAfter, Map<String, RuleOverride> overrides) {
    public static final Duration DEFAULT_SILENCE = Duration.ofMinutes(10);

    public Operations {
        overrides = Map.copyOf(overrides);
    }

    public static Operations defaults(Path data) {
        return new Operations(data.resolve("suppressions"), true, DEFAULT_SILENCE, Map.of());
    }

    /** The section of the config file; relative paths are relative to the file. */
    public static Operations load(Path configFile, Path data) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Section s;
        try {
            File file = yaml.readValue(Files.readString(configFile), File.class);
            s = file == null || file.operations == null ? new Section() : file.operations;
        } catch (JsonProcessingException e) {
            throw new ConfigException(configFile + ":" + (e.getLocation() == null ? 0 : e.getLocation().getLineNr())
                    + ": operations: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(configFile + ": cannot read: " + e.getMessage());
        }
        Path base = configFile.toAbsolutePath().getParent();
        Map<String, RuleOverride> overrides = new LinkedHashMap<>();
        s.overrides.forEach((rule, o) -> {
            Severity severity;
            try {
                severity = o.severity == null ? null : Severity.parse(o.severity);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(configFile + ": operations.overrides." + rule + ".severity: " + e.getMessage());
            }
            overrides.put(rule, new RuleOverride(o.disabled, severity, o.tags));
        });
        return new Operations(s.suppressions == null ? data.resolve("suppressions") : base.resolve(s.suppressions).normalize(),
                s.watch, silentAfter(s.silentAfter), overrides);
    }

    /** YAML reads a bare {@code off} as false: both mean no silence watching. */
    private static Duration silentAfter(String text) {
        if (text == null) return DEFAULT_SILENCE;
        if (text.equals("off") || text.equals("false")) return null;
        return Quantities.duration("operations.silentAfter", text);
    }

    /** The config file, of which only this section is read here (ServerConfig reads the rest). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private static final class File {
        @JsonProperty Section operations;
    }

    private static final class Section {
        @JsonProperty String suppressions;
        @JsonProperty boolean watch = true;
        @JsonProperty String silentAfter;
        @JsonProperty Map<String, Override> overrides = Map.of();
    }

    private static final class Override {
        @JsonProperty boolean disabled;
        @JsonProperty String severity;
        @JsonProperty List<String> tags = List.of();
    }
}
