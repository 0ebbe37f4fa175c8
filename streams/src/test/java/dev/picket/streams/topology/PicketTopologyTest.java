package dev.picket.streams.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.engine.sigma.RuleSet;
import dev.picket.io.decode.InputFormat;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The topology's stages without a broker: what is alerted where, and where correlation state lives. */
class PicketTopologyTest {
    private static final String RULES = """
            title: Failing login tool
            name: failing-login
            logsource: {product: linux, category: process_creation}
            detection: {sel: {Image: /usr/bin/failing-login}, condition: sel}
            level: low
            ---
            title: Shell in container
            name: shell
            logsource: {product: linux, category: process_creation}
            detection: {sel: {Image: /bin/sh}, condition: sel}
            level: medium
            ---
            title: Repeated failures
            name: repeated
            correlation: {type: event_count, rules: [failing-login], group-by: [node], timespan: 10m, condition: {gte: 3}}
            level: high
            """;

    @Test
    void detectionsAlertAtOnceAndCorrelationsFromTheirStoredWindows(@TempDir Path state) throws Exception {
        RuleSet rules = RuleSet.builder().add("rules.yml", RULES).build();
        InputReaders readers = new InputReaders(Map.of("events", InputFormat.RUNTIME), "lab", Clock.systemUTC());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        try (TopologyTestDriver driver = new TopologyTestDriver(PicketTopology.build(rules, List.of("events"), readers,
                "alerts", 100, Counters.NONE, new CorrelationGauges()), props)) {
            TestInputTopic<String, byte[]> in = driver.createInputTopic("events", new StringSerializer(), new ByteArraySerializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic("alerts", new StringDeserializer(), new StringDeserializer());

            in.pipeInput("k", (event("09:00:00", "/bin/sh") + "\n" + event("09:00:01", "/usr/bin/failing-login"))
                    .getBytes(StandardCharsets.UTF_8));
            in.pipeInput("k", event("09:00:02", "/usr/bin/failing-login").getBytes(StandardCharsets.UTF_8));
            assertThat(ruleIds(out.readValuesToList())).as("a detection alerts; two failures are not yet a correlation")
                    .containsExactly("shell");
            KeyValueStore<String, byte[]> store = driver.getKeyValueStore(PicketTopology.STATE_STORE);
            assertThat(store.approximateNumEntries()).as("the open window is in the state store").isPositive();

            in.pipeInput("k", event("09:00:03", "/usr/bin/failing-login").getBytes(StandardCharsets.UTF_8));
            List<String> alerts = out.readValuesToList();
            assertThat(ruleIds(alerts)).containsExactly("repeated");
            assertThat(new ObjectMapper().readTree(alerts.getFirst()).path("entity").path("cluster").asText())
                    .as("records without a cluster header get the default cluster").isEqualTo("lab");
        }
    }

    private static String event(String time, String image) {
        return "{\"time\":\"2026-03-10T" + time + "Z\",\"category\":\"process_creation\",\"node\":\"node-1\","
                + "\"Image\":\"" + image + "\",\"CommandLine\":\"x\",\"ProcessId\":1}";
    }

    private static List<String> ruleIds(List<String> alerts) {
        ObjectMapper json = new ObjectMapper();
        return alerts.stream().map(a -> {
            try {
                return json.readTree(a).path("rule").path("id").asText();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }
}
