package dev.picket.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.io.synth.BusyNodeRuntime;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class BusyNodeRuntimeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSameSeedGivesTheSameEventsAndAnotherSeedOthers() {
        assertThat(BusyNodeRuntime.generate(500, 42)).isEqualTo(BusyNodeRuntime.generate(500, 42))
                .isNotEqualTo(BusyNodeRuntime.generate(500, 43));
    }

    @Test
    void mixesEveryCategoryWithContainerContextAndAncestry() throws Exception {
        Set<String> categories = new TreeSet<>();
        int withPod = 0;
        int withAncestors = 0;
        int hostProcesses = 0;
        for (String line : BusyNodeRuntime.generate(3000, 5)) {
            JsonNode e = JSON.readTree(line);
            categories.add(e.path("category").asText());
            assertThat(e.path("node").asText()).startsWith("node-");
            assertThat(e.path("Image").asText()).startsWith("/");
            if (e.path("k8s").has("pod")) {
                withPod++;
                assertThat(e.path("container").path("id").asText()).hasSize(64);
            } else {
                hostProcesses++;
                assertThat(e.has("container")).isFalse();
            }
            if (e.path("Ancestors").size() > 0) withAncestors++;
        }
        assertThat(categories).containsExactly("dns_query", "file_access", "file_event", "network_connection", "process_creation");
        assertThat(withPod).isGreaterThan(2000);
        assertThat(hostProcesses).isPositive();
        assertThat(withAncestors).isGreaterThan(300);
    }

    @Test
    void noBuiltinRuleFiresOnBusyHealthyNodes() {
        String events = String.join("\n", BusyNodeRuntime.generate(20_000, 2026)) + "\n";
        assertThat(BuiltinRuleRun.firedRuleIds("busy-nodes.jsonl", events)).isEmpty();
    }

    @Test
    void oneAttackProcessAmongThemIsFound() {
        java.util.List<String> lines = new java.util.ArrayList<>(BusyNodeRuntime.generate(5_000, 2026));
        lines.add(2_500, "{\"time\":\"2026-12-01T08:00:05Z\",\"category\":\"process_creation\",\"node\":\"node-2\","
                + "\"container\":{\"id\":\"" + "ab".repeat(32) + "\",\"name\":\"cart\",\"image\":\"registry.example.com/shop/cart:1.4.2\"},"
                + "\"k8s\":{\"namespace\":\"shop\",\"pod\":\"cart-7c9d8b6f4-qzx9q\"},\"ProcessId\":4242,\"Image\":\"/usr/bin/nsenter\","
                + "\"CommandLine\":\"nsenter --target 1 --mount --uts --ipc --net --pid -- bash\",\"User\":\"root\","
                + "\"ParentImage\":\"/bin/bash\",\"ParentCommandLine\":\"bash\"}");
        assertThat(BuiltinRuleRun.firedRuleIds("busy-nodes.jsonl", String.join("\n", lines) + "\n")).isNotEmpty();
    }
}
