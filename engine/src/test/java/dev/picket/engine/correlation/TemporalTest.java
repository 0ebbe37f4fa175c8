package dev.picket.engine.correlation;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TemporalTest {

    /** The specification's temporal example: three recon commands, any order, 5 minutes, same host and user. */
    private static final String RECON = """
            title: Recon
            name: recon
            correlation:
                type: temporal
                rules:
                    - recon_cmd_a
                    - recon_cmd_b
                    - recon_cmd_c
                group-by:
                    - ComputerName
                    - User
                timespan: 5m
            ---
            title: a
            name: recon_cmd_a
            ---
            title: b
            name: recon_cmd_b
            ---
            title: c
            name: recon_cmd_c
            """;

    private static Fixture recon(String... ruleTimeUser) {
        Fixture f = Fixture.of(RECON);
        for (int i = 0; i < ruleTimeUser.length; i += 3) {
            f.match(ruleTimeUser[i], ruleTimeUser[i + 1], "ComputerName", "node-1", "User", ruleTimeUser[i + 2]);
        }
        return f;
    }

    @Test
    void firesWhenEveryRuleMatchedWithinTheTimespanInAnyOrder() {
        Fixture f = recon("recon_cmd_c", "10:00:00", "bob", "recon_cmd_a", "10:01:00", "bob", "recon_cmd_b", "10:04:00", "bob");

        assertThat(f.alerts("recon")).singleElement().satisfies(m -> {
            assertThat(m.groupBy()).containsOnly(Map.entry("ComputerName", "node-1"), Map.entry("User", "bob"));
            assertThat(m.events()).hasSize(3);
        });
    }

    @Test
    void oneRuleMatchingRepeatedlyIsNotEnough() {
        Fixture f = recon("recon_cmd_a", "10:00:00", "bob", "recon_cmd_a", "10:01:00", "bob", "recon_cmd_b", "10:02:00", "bob",
                "recon_cmd_b", "10:03:00", "bob");

        assertThat(f.alerts("recon")).isEmpty();
    }

    @Test
    void allRulesMustMatchWithinTheTimespan() {
        Fixture f = recon("recon_cmd_a", "10:00:00", "bob", "recon_cmd_b", "10:03:00", "bob", "recon_cmd_c", "10:05:01", "bob");

        assertThat(f.alerts("recon")).isEmpty();
    }

    @Test
    void allRulesMustMatchForTheSameGroup() {
        Fixture f = recon("recon_cmd_a", "10:00:00", "bob", "recon_cmd_b", "10:01:00", "bob", "recon_cmd_c", "10:02:00", "eve");

        assertThat(f.alerts("recon")).isEmpty();
    }

    @Test
    void aConditionCanAskForSomeOfTheRules() {
        Fixture f = Fixture.of(RECON.replace("timespan: 5m", "timespan: 5m\n    condition:\n        gte: 2"))
                .match("recon_cmd_a", "10:00:00", "ComputerName", "node-1", "User", "bob")
                .match("recon_cmd_c", "10:01:00", "ComputerName", "node-1", "User", "bob");

        assertThat(f.alerts("recon")).hasSize(1);
    }

    /** The specification's alias example: the same addresses, in different fields of different rules' events. */
    private static final String ALIASES = """
            title: Internal error after connection
            name: error_after_connection
            correlation:
                type: temporal
                rules:
                    - internal_error
                    - new_network_connection
                group-by:
                    - internal_ip
                    - remote_ip
                timespan: 10s
                aliases:
                    internal_ip:
                        internal_error: destination.ip
                        new_network_connection: source.ip
                    remote_ip:
                        internal_error: source.ip
                        new_network_connection: destination.ip
            ---
            title: Internal error
            name: internal_error
            ---
            title: New network connection
            name: new_network_connection
            """;

    @Test
    void aliasesGroupDifferentFieldsOfDifferentRules() {
        Fixture f = Fixture.of(ALIASES)
                .match("new_network_connection", "10:00:00", "source.ip", "10.1.1.1", "destination.ip", "203.0.113.7")
                .match("internal_error", "10:00:05", "destination.ip", "10.1.1.1", "source.ip", "203.0.113.7");

        assertThat(f.alerts("error_after_connection")).singleElement().satisfies(m -> assertThat(m.groupBy())
                .containsOnly(Map.entry("internal_ip", "10.1.1.1"), Map.entry("remote_ip", "203.0.113.7")));
    }

    @Test
    void aliasesDoNotJoinTheSameFieldsOfBothRules() {
        Fixture f = Fixture.of(ALIASES)
                .match("new_network_connection", "10:00:00", "source.ip", "10.1.1.1", "destination.ip", "203.0.113.7")
                .match("internal_error", "10:00:05", "source.ip", "10.1.1.1", "destination.ip", "203.0.113.7");

        assertThat(f.alerts("error_after_connection")).isEmpty();
    }
}
