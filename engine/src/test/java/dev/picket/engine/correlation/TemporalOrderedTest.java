package dev.picket.engine.correlation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TemporalOrderedTest {

    /** The specification's complete example: many failed logins, then a success, by one user (chained). */
    private static final String BRUTE_FORCE_SUCCESS = """
            title: Correlation - Multiple Failed Logins Followed by Successful Login
            id: b180ead8-d58f-40b2-ae54-c8940995b9b6
            correlation:
                type: temporal_ordered
                rules:
                    - multiple_failed_login
                    - successful_login
                group-by:
                    - User
                timespan: 10m
            level: high
            ---
            title: Multiple failed logons
            id: a8418a5a-5fc4-46b5-b23b-6c73beb19d41
            name: multiple_failed_login
            correlation:
                type: event_count
                rules:
                    - failed_login
                group-by:
                    - User
                timespan: 10m
                condition:
                    gte: 10
            ---
            title: Single failed login
            id: 53ba33fd-3a50-4468-a5ef-c583635cfa92
            name: failed_login
            logsource:
                product: windows
                service: security
            detection:
                selection:
                    EventID:
                        - 529
                        - 4625
                condition: selection
            ---
            title: Successful login
            id: 4d0a2c83-c62c-4ed4-b475-c7e23a9269b8
            name: successful_login
            logsource:
                product: windows
                service: security
            detection:
                selection:
                    EventID:
                        - 528
                        - 4624
                condition: selection
            """;
    private static final String OUTER = "b180ead8-d58f-40b2-ae54-c8940995b9b6";

    private static Fixture failures(Fixture f, String user, int count) {
        for (int i = 0; i < count; i++) f.match("failed_login", "10:00:%02d".formatted(i), "User", user);
        return f;
    }

    @Test
    void chainedCorrelationFiresWhenTheSequenceCompletes() {
        Fixture f = failures(Fixture.of(BRUTE_FORCE_SUCCESS), "alice", 10).match("successful_login", "10:01:00", "User", "alice");

        assertThat(f.alerts(OUTER)).singleElement().satisfies(m -> {
            assertThat(m.groupBy()).containsEntry("User", "alice");
            assertThat(m.time()).isEqualTo(Fixture.at("10:01:00"));
            assertThat(m.events()).last().satisfies(e -> assertThat(e.time()).isEqualTo(Fixture.at("10:01:00")));
            assertThat(m.events()).hasSizeLessThanOrEqualTo(WindowedCorrelation.EVIDENCE);
        });
        // only the outermost correlation speaks
        assertThat(f.out).extracting(m -> m.rule().ruleId()).containsExactly(OUTER);
    }

    @Test
    void tooFewFailuresDoNotCompleteTheChain() {
        Fixture f = failures(Fixture.of(BRUTE_FORCE_SUCCESS), "alice", 9).match("successful_login", "10:01:00", "User", "alice");

        assertThat(f.out).isEmpty();
    }

    @Test
    void aSuccessBeforeTheFailuresIsTheWrongOrder() {
        Fixture f = Fixture.of(BRUTE_FORCE_SUCCESS).match("successful_login", "09:59:00", "User", "alice");
        failures(f, "alice", 10);

        assertThat(f.alerts(OUTER)).isEmpty();
    }

    @Test
    void aSuccessOfAnotherUserDoesNotComplete() {
        Fixture f = failures(Fixture.of(BRUTE_FORCE_SUCCESS), "alice", 10).match("successful_login", "10:01:00", "User", "bob");

        assertThat(f.alerts(OUTER)).isEmpty();
    }

    private static final String RECON_ORDERED = """
            title: Recon ordered
            name: recon_ordered
            correlation:
                type: temporal_ordered
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

    @Test
    void firesForTheListedOrder() {
        Fixture f = Fixture.of(RECON_ORDERED)
                .match("recon_cmd_a", "10:00:00", "ComputerName", "n1", "User", "bob")
                .match("recon_cmd_b", "10:01:00", "ComputerName", "n1", "User", "bob")
                .match("recon_cmd_c", "10:02:00", "ComputerName", "n1", "User", "bob");

        assertThat(f.alerts("recon_ordered")).hasSize(1);
    }

    @Test
    void anOrderViolationDoesNotFire() {
        Fixture f = Fixture.of(RECON_ORDERED)
                .match("recon_cmd_a", "10:00:00", "ComputerName", "n1", "User", "bob")
                .match("recon_cmd_c", "10:01:00", "ComputerName", "n1", "User", "bob")
                .match("recon_cmd_b", "10:02:00", "ComputerName", "n1", "User", "bob");

        assertThat(f.alerts("recon_ordered")).isEmpty();
    }

    @Test
    void theOrderIsThatOfEventTimeNotOfArrival() {
        // c arrives first but happened last
        Fixture f = Fixture.of(RECON_ORDERED)
                .match("recon_cmd_c", "10:02:00", "ComputerName", "n1", "User", "bob")
                .match("recon_cmd_a", "10:00:00", "ComputerName", "n1", "User", "bob")
                .match("recon_cmd_b", "10:01:00", "ComputerName", "n1", "User", "bob");

        assertThat(f.alerts("recon_ordered")).hasSize(1);
    }

    @Test
    void aLaterRepetitionCanStillCompleteTheOrder() {
        Fixture f = Fixture.of(RECON_ORDERED)
                .match("recon_cmd_b", "10:00:00", "ComputerName", "n1", "User", "bob")
                .match("recon_cmd_a", "10:01:00", "ComputerName", "n1", "User", "bob")
                .match("recon_cmd_c", "10:02:00", "ComputerName", "n1", "User", "bob");
        assertThat(f.alerts("recon_ordered")).isEmpty();

        f.match("recon_cmd_b", "10:03:00", "ComputerName", "n1", "User", "bob")
                .match("recon_cmd_c", "10:04:00", "ComputerName", "n1", "User", "bob");
        assertThat(f.alerts("recon_ordered")).hasSize(1);
    }
}
