package dev.picket.simulator.verdict;

import dev.picket.simulator.scenario.Expectation;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictReportTest {
    private static final Expectation WEBSHELL = new Expectation("proc-webshell-activity", "Web-shell style command execution");
    private static final Expectation SCANNER = new Expectation("proc-network-scanner", "Network scanning tool run in container");

    @Test
    void passesOnlyWhenEveryExpectedAlertFired() {
        ScenarioResult fired = new ScenarioResult("webshell", List.of(new Outcome(WEBSHELL, Duration.ofMillis(1500))), null);
        ScenarioResult missing = new ScenarioResult("recon", List.of(new Outcome(WEBSHELL, Duration.ofSeconds(1)),
                new Outcome(SCANNER, null)), "why");
        assertThat(VerdictReport.passed(List.of(fired))).isTrue();
        assertThat(VerdictReport.passed(List.of(fired, missing))).isFalse();
    }

    @Test
    void tableShowsEachExpectedAlertWithItsIdResultAndTimeToFire() {
        StringWriter text = new StringWriter();
        VerdictReport.table(List.of(new ScenarioResult("recon", List.of(new Outcome(WEBSHELL, Duration.ofMillis(1500)),
                new Outcome(SCANNER, null)), "no runtime sensor")), new PrintWriter(text));
        assertThat(text.toString()).contains("scenario recon: FAIL", "note: no runtime sensor", "1 of 2 expected alerts fired")
                .containsPattern("Web-shell style command execution +proc-webshell-activity +fired +1[.,]5 s")
                .containsPattern("Network scanning tool run in container +proc-network-scanner +MISSING +-");
    }

    @Test
    void jsonCarriesTheSameVerdict() {
        var json = VerdictReport.json(List.of(new ScenarioResult("recon", List.of(new Outcome(WEBSHELL, Duration.ofMillis(1500)),
                new Outcome(SCANNER, null)), null)));
        assertThat(json.path("passed").asBoolean()).isFalse();
        var expected = json.path("scenarios").get(0).path("expected");
        assertThat(expected.get(0).path("fired").asBoolean()).isTrue();
        assertThat(expected.get(0).path("secondsToFire").asDouble()).isEqualTo(1.5);
        assertThat(expected.get(1).path("fired").asBoolean()).isFalse();
        assertThat(expected.get(1).path("secondsToFire").isNull()).isTrue();
    }
}
