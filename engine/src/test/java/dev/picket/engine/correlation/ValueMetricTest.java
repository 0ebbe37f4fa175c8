package dev.picket.engine.correlation;

import dev.picket.engine.event.FieldPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValueMetricTest {

    private static String rule(String type, String field, String bound) {
        return """
                title: Metric
                name: metric
                correlation:
                    type: %s
                    rules:
                        - web_access
                    group-by:
                        - User
                    timespan: 1h
                    condition:
                        field: %s
                        %s
                ---
                title: Web access
                name: web_access
                """.formatted(type, field, bound);
    }

    @Test
    void valueSumFiresWhenTheSumPassesTheLimit() {
        Fixture f = Fixture.of(rule("value_sum", "bytes_sent", "gt: 1000000"))
                .match("web_access", "10:00:00", "User", "eve", "bytes_sent", "600000")
                .match("web_access", "10:10:00", "User", "eve", "bytes_sent", "400000");
        assertThat(f.alerts("metric")).isEmpty();

        f.match("web_access", "10:20:00", "User", "eve", "bytes_sent", "1");
        assertThat(f.alerts("metric")).hasSize(1);
    }

    @Test
    void valueSumForgetsWhatLeftTheWindow() {
        Fixture f = Fixture.of(rule("value_sum", "bytes_sent", "gt: 1000000"))
                .match("web_access", "08:00:00", "User", "eve", "bytes_sent", "900000")
                .match("web_access", "10:00:00", "User", "eve", "bytes_sent", "200000");

        assertThat(f.alerts("metric")).isEmpty();
    }

    @Test
    void valueSumIgnoresValuesThatAreNotNumbers() {
        Fixture f = Fixture.of(rule("value_sum", "bytes_sent", "gt: 10"))
                .match("web_access", "10:00:00", "User", "eve", "bytes_sent", "lots")
                .match("web_access", "10:00:01", "User", "eve", "bytes_sent", "NaN")
                .match("web_access", "10:00:02", "User", "eve");

        assertThat(f.alerts("metric")).isEmpty();
    }

    @Test
    void valueAvgComparesTheMean() {
        Fixture f = Fixture.of(rule("value_avg", "BytesOut", "gt: 500"))
                .match("web_access", "10:00:00", "User", "eve", "BytesOut", "900")
                .match("web_access", "10:01:00", "User", "eve", "BytesOut", "100");
        assertThat(f.alerts("metric")).singleElement()
                .satisfies(m -> assertThat(m.time()).isEqualTo(Fixture.at("10:00:00")));

        // the mean falls to 500, not above the limit; then rises to 1000: a second alert
        f.match("web_access", "10:02:00", "User", "eve", "BytesOut", "2000");
        assertThat(f.alerts("metric")).hasSize(2);
    }

    @Test
    void valueAvgBelowTheLimitIsSilent() {
        Fixture f = Fixture.of(rule("value_avg", "BytesOut", "gt: 500.5"))
                .match("web_access", "10:00:00", "User", "eve", "BytesOut", "500")
                .match("web_access", "10:01:00", "User", "eve", "BytesOut", "501");

        assertThat(f.alerts("metric")).isEmpty();
    }

    /** The specification's example: a process name making up at most 1 % of what a computer ran. */
    @Test
    void valuePercentileFlagsAValueRareInItsGroup() {
        Fixture f = Fixture.of(rule("value_percentile", "Image", "lte: 1"));
        for (int i = 0; i < 199; i++) {
            f.match("web_access", "10:%02d:%02d".formatted(i / 60, i % 60), "User", "eve", "Image", "/usr/bin/nginx");
        }
        assertThat(f.alerts("metric")).isEmpty();

        // 1 of 200 events: 0.5 %
        f.match("web_access", "10:04:00", "User", "eve", "Image", "/tmp/xmrig");
        assertThat(f.alerts("metric")).singleElement().satisfies(m ->
                assertThat(m.events().getLast().text(FieldPath.of("Image"))).isEqualTo("/tmp/xmrig"));
    }

    @Test
    void valuePercentileIsSilentForCommonValues() {
        Fixture f = Fixture.of(rule("value_percentile", "Image", "lte: 10"));
        for (int i = 0; i < 10; i++) f.match("web_access", "10:00:%02d".formatted(i), "User", "eve", "Image", "/usr/bin/nginx");
        // 1 of 11: 9 %, then 2 of 12: 16.7 %
        f.match("web_access", "10:01:00", "User", "eve", "Image", "/bin/sh");
        f.match("web_access", "10:01:01", "User", "eve", "Image", "/bin/sh");

        assertThat(f.alerts("metric")).hasSize(1);
    }
}
