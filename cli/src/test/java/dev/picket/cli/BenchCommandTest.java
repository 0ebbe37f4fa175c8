package dev.picket.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tiny sizes: the command must run and print its figures; their values are not a test's business. */
class BenchCommandTest {

    @Test
    void jsonHasTheAuditRuntimeCorrelationMachineAndJvmKeys() throws Exception {
        Cli cli = Cli.run("bench", "--json", "--events", "100", "--seconds", "0.05", "--groups", "500");
        assertThat(cli.exit()).as(cli.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.at("/audit/parse_eps").isNumber()).isTrue();
        assertThat(json.at("/audit/engine_eps").isNumber()).isTrue();
        assertThat(json.at("/audit/cel_eps").isNumber()).isTrue();
        assertThat(json.at("/runtime/parse_eps").isNumber()).isTrue();
        assertThat(json.at("/runtime/engine_eps").isNumber()).isTrue();
        assertThat(json.at("/correlation/bytes_per_group").isNumber()).isTrue();
        assertThat(json.at("/machine/cores").asInt()).isPositive();
        assertThat(json.get("jvm").asText()).isNotBlank();
        assertThat(cli.err()).contains("not in the CEL baseline");
    }

    @Test
    void textShowsTheRatios() {
        Cli cli = Cli.run("bench", "--events", "100", "--seconds", "0.05", "--groups", "500");
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("engine/parse").contains("engine/cel").contains("bytes per open value_count group");
    }

    @Test
    void aNonPositiveSizeIsBadUsage() {
        Cli cli = Cli.run("bench", "--events", "0");
        assertThat(cli.exit()).isEqualTo(2);
        assertThat(cli.err()).contains("must be positive");
    }
}
