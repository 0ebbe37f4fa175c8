package dev.picket.outputs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.engine.rule.Severity;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutputsConfigTest {
    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void eachTypeIsReadWithItsFilterAndNamedByTypeUnlessNamed() throws Exception {
        List<OutputSettings> outputs = OutputsConfig.parse(json("""
                [{"type":"webhook","url":"https://soar.example.com/hook","secret":"x","format":"ocsf",
                  "filter":{"minSeverity":"high","namespaces":["shop"]}},
                 {"type":"slack","url":"https://hooks.slack.com/services/T/B/X","ui":"https://picket.example.com"},
                 {"type":"syslog","host":"siem","port":6514,"tls":true},
                 {"type":"kafka","bootstrap":"k:9092","topic":"alerts","properties":{"security.protocol":"SSL"}},
                 {"type":"file","path":"alerts.jsonl","maxSize":"10MiB","keep":2},
                 {"type":"webhook","url":"http://localhost:9000/","queue":50}]"""), Path.of("/etc/picket"));
        assertThat(outputs).extracting(OutputSettings::name).containsExactly("webhook", "slack", "syslog", "kafka", "file", "webhook-2");
        assertThat(outputs.getFirst().filter()).isEqualTo(new AlertFilter(Severity.HIGH, Set.of(), Set.of("shop")));
        assertThat(outputs.get(1).filter()).isEqualTo(AlertFilter.ALL);
        assertThat(outputs.get(5).queue()).isEqualTo(50);
        assertThat(outputs.getFirst().toString()).doesNotContain("soar.example.com", "secret");
    }

    @Test
    void mistakesNameTheOutputAndTheKey() {
        assertThatThrownBy(() -> OutputsConfig.parse(json("[{\"type\":\"slack\"}]"), Path.of(".")))
                .hasMessage("outputs[0] (slack): url is required");
        assertThatThrownBy(() -> OutputsConfig.parse(json("[{\"type\":\"webhook\",\"url\":\"https://x\",\"sekret\":\"s\"}]"), Path.of(".")))
                .hasMessage("outputs[0] (webhook): unknown key 'sekret'");
        assertThatThrownBy(() -> OutputsConfig.parse(json("[{\"type\":\"pagerduty\"}]"), Path.of(".")))
                .hasMessage("outputs[0] (pagerduty): type must be one of webhook, slack, syslog, kafka, file");
        assertThatThrownBy(() -> OutputsConfig.parse(json("[{\"type\":\"file\",\"path\":\"a\",\"filter\":{\"minSeverity\":\"urgent\"}}]"), Path.of(".")))
                .hasMessage("outputs[0] (file): filter.minSeverity 'urgent' is not informational, low, medium, high or critical");
        assertThatThrownBy(() -> OutputsConfig.parse(json("[{\"type\":\"slack\",\"url\":\"ftp://hooks.example.com/T/B/SECRET\"}]"), Path.of(".")))
                .hasMessage("outputs[0] (slack): url must be an http(s) URL");
    }

    @Test
    void noOutputsKeyMeansNoOutputs() {
        assertThat(OutputsConfig.parse(null, Path.of("."))).isEmpty();
    }

    @Test
    void sizesTakeBinaryUnits() {
        assertThat(OutputsConfig.bytes("10MiB")).isEqualTo(10L << 20);
        assertThat(OutputsConfig.bytes("512")).isEqualTo(512);
        assertThatThrownBy(() -> OutputsConfig.bytes("10MB")).hasMessageContaining("not a size");
    }
}
