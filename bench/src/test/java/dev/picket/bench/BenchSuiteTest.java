package dev.picket.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the suite at toy sizes: it must produce every figure; how fast is not a unit test's business. */
class BenchSuiteTest {

    @Test
    void aTinyRunReportsEveryFigureUnderItsKey() {
        BenchReport report = BenchSuite.run(new BenchSuite.Settings(200, 1, 0.05, 2_000));
        JsonNode json = report.json();
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("audit", "runtime", "correlation", "machine", "jvm");
        assertThat(fields(json.get("audit"))).containsExactly("parse_eps", "engine_eps", "cel_eps");
        assertThat(fields(json.get("runtime"))).containsExactly("parse_eps", "engine_eps");
        assertThat(fields(json.get("correlation"))).containsExactly("bytes_per_group");
        for (String figure : List.of("/audit/parse_eps", "/audit/engine_eps", "/audit/cel_eps", "/runtime/parse_eps",
                "/runtime/engine_eps", "/correlation/bytes_per_group")) {
            assertThat(json.at(figure).asDouble()).as(figure).isPositive();
        }
        assertThat(json.at("/machine/cores").asInt()).isPositive();
        assertThat(report.text()).contains("engine/parse").contains("engine/cel");
    }

    @Test
    void settingsMustBePositive() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BenchSuite.Settings(0, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> fields(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
