package dev.picket.engine.correlation;

import dev.picket.engine.Match;
import dev.picket.engine.event.FieldPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventCountTest {

    /** Five failed logins per user within 10 minutes. */
    private static final String RULES = """
            title: Brute force
            name: brute_force
            level: high
            correlation:
                type: event_count
                rules:
                    - failed_login
                group-by:
                    - User
                timespan: 10m
                condition:
                    gte: 5
            ---
            title: Failed login
            name: failed_login
            logsource:
                product: linux
                service: sshd
            detection:
                selection:
                    EventType: failed_password
                condition: selection
            """;

    private static Fixture failures(Fixture f, String user, String... times) {
        for (String time : times) f.match("failed_login", time, "User", user);
        return f;
    }

    @Test
    void firesAtTheThreshold() {
        Fixture f = failures(Fixture.of(RULES), "alice", "10:00:00", "10:01:00", "10:02:00", "10:03:00", "10:04:00");

        assertThat(f.alerts("brute_force")).singleElement().satisfies(m -> {
            assertThat(m.time()).isEqualTo(Fixture.at("10:04:00"));
            assertThat(m.groupBy()).containsOnly(Map.entry("User", "alice"));
            assertThat(m.events()).hasSize(5);
            assertThat(m.rule().level().word()).isEqualTo("high");
        });
    }

    @Test
    void staysSilentOneBelowTheThreshold() {
        Fixture f = failures(Fixture.of(RULES), "alice", "10:00:00", "10:01:00", "10:02:00", "10:03:00");

        assertThat(f.alerts("brute_force")).isEmpty();
    }

    @Test
    void eventsOutsideTheWindowDoNotCount() {
        // the first failure is 10m01s before the fifth: the window holds only four
        Fixture f = failures(Fixture.of(RULES), "alice", "10:00:00", "10:05:00", "10:06:00", "10:08:00", "10:10:01");
        assertThat(f.alerts("brute_force")).isEmpty();

        failures(f, "alice", "10:10:02");
        assertThat(f.alerts("brute_force")).hasSize(1);
    }

    @Test
    void aWindowOfExactlyTheTimespanCounts() {
        Fixture f = failures(Fixture.of(RULES), "alice", "10:00:00", "10:05:00", "10:06:00", "10:08:00", "10:10:00");

        assertThat(f.alerts("brute_force")).hasSize(1);
    }

    @Test
    void groupsAreCountedSeparately() {
        Fixture f = Fixture.of(RULES);
        for (String time : new String[]{"10:00:00", "10:01:00", "10:02:00", "10:03:00", "10:04:00"}) {
            f.match("failed_login", time, "User", time.endsWith("4:00") ? "bob" : "alice");
        }
        assertThat(f.alerts("brute_force")).isEmpty();

        f.match("failed_login", "10:05:00", "User", "alice");
        assertThat(f.alerts("brute_force")).singleElement()
                .satisfies(m -> assertThat(m.groupBy()).containsEntry("User", "alice"));
    }

    @Test
    void eventsWithoutTheGroupByFieldFormTheirOwnGroup() {
        Fixture f = Fixture.of(RULES);
        for (String time : new String[]{"10:00:00", "10:01:00", "10:02:00", "10:03:00"}) {
            f.match("failed_login", time, "Host", "node-1");
        }
        f.match("failed_login", "10:04:00", "User", "alice");
        assertThat(f.alerts("brute_force")).isEmpty();

        f.match("failed_login", "10:05:00", "Host", "node-2");
        assertThat(f.alerts("brute_force")).singleElement()
                .satisfies(m -> assertThat(m.groupBy()).isEmpty());
    }

    @Test
    void oneBurstRaisesOneAlertAndALaterBurstAnother() {
        Fixture f = failures(Fixture.of(RULES), "alice",
                "10:00:00", "10:01:00", "10:02:00", "10:03:00", "10:04:00", "10:05:00", "10:06:00");
        assertThat(f.alerts("brute_force")).hasSize(1);

        // an hour later the window has emptied: a new burst is a new alert
        failures(f, "alice", "11:00:00", "11:00:01", "11:00:02", "11:00:03", "11:00:04");
        assertThat(f.alerts("brute_force")).hasSize(2);
    }

    @Test
    void evidenceIsTheLatestTenContributingEvents() {
        String many = RULES.replace("gte: 5", "gte: 12");
        Fixture f = Fixture.of(many);
        for (int i = 0; i < 12; i++) f.match("failed_login", "10:00:%02d".formatted(i), "User", "alice", "n", "" + i);

        Match alert = f.alerts("brute_force").getFirst();
        assertThat(alert.events()).hasSize(WindowedCorrelation.EVIDENCE);
        assertThat(alert.events().getFirst().text(FieldPath.of("n"))).isEqualTo("2");
        assertThat(alert.events().getLast().text(FieldPath.of("n"))).isEqualTo("11");
    }

    @Test
    void theReferencedRuleRaisesNoAlertsOfItsOwnByDefault() {
        Fixture f = failures(Fixture.of(RULES), "alice", "10:00:00");

        assertThat(f.out).isEmpty();
    }

    @Test
    void generateLetsTheReferencedRuleAlertToo() {
        Fixture f = failures(Fixture.of(RULES.replace("level: high", "level: high\ngenerate: true")), "alice", "10:00:00");

        assertThat(f.alerts("failed_login")).hasSize(1);
    }

    @Test
    void conditionsCanBeRanges() {
        String range = RULES.replace("gte: 5", "gt: 2\n        lte: 3");
        Fixture f = failures(Fixture.of(range), "alice", "10:00:00", "10:01:00");
        assertThat(f.alerts("brute_force")).isEmpty();

        failures(f, "alice", "10:02:00");
        assertThat(f.alerts("brute_force")).hasSize(1);
    }
}
