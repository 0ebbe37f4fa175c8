package dev.picket.engine.correlation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValueCountTest {

    /** One source trying three different users within an hour (the specification's value_count example, scaled down). */
    private static final String RULES = """
            title: Password spraying
            name: spraying
            correlation:
                type: value_count
                rules:
                    - failed_login
                group-by:
                    - SourceIp
                timespan: 1h
                condition:
                    field: User
                    gte: 3
            ---
            title: Failed login
            name: failed_login
            detection:
                selection:
                    EventType: failed_password
                condition: selection
            """;

    @Test
    void firesWhenEnoughDistinctValuesAppear() {
        Fixture f = Fixture.of(RULES)
                .match("failed_login", "10:00:00", "SourceIp", "10.0.0.9", "User", "root")
                .match("failed_login", "10:01:00", "SourceIp", "10.0.0.9", "User", "admin")
                .match("failed_login", "10:02:00", "SourceIp", "10.0.0.9", "User", "ubuntu");

        assertThat(f.alerts("spraying")).singleElement()
                .satisfies(m -> assertThat(m.groupBy()).containsEntry("SourceIp", "10.0.0.9"));
    }

    @Test
    void repeatedValuesCountOnce() {
        Fixture f = Fixture.of(RULES)
                .match("failed_login", "10:00:00", "SourceIp", "10.0.0.9", "User", "root")
                .match("failed_login", "10:01:00", "SourceIp", "10.0.0.9", "User", "admin")
                .match("failed_login", "10:02:00", "SourceIp", "10.0.0.9", "User", "root")
                .match("failed_login", "10:03:00", "SourceIp", "10.0.0.9", "User", "admin");

        assertThat(f.alerts("spraying")).isEmpty();
    }

    @Test
    void eventsWithoutTheFieldDoNotCount() {
        Fixture f = Fixture.of(RULES)
                .match("failed_login", "10:00:00", "SourceIp", "10.0.0.9", "User", "root")
                .match("failed_login", "10:01:00", "SourceIp", "10.0.0.9", "User", "admin")
                .match("failed_login", "10:02:00", "SourceIp", "10.0.0.9");

        assertThat(f.alerts("spraying")).isEmpty();
    }

    @Test
    void aValueSeenAgainStaysInTheWindowFromItsLatestSighting() {
        Fixture f = Fixture.of(RULES)
                .match("failed_login", "09:00:00", "SourceIp", "10.0.0.9", "User", "root")
                .match("failed_login", "09:50:00", "SourceIp", "10.0.0.9", "User", "root")
                .match("failed_login", "10:30:00", "SourceIp", "10.0.0.9", "User", "admin")
                .match("failed_login", "10:40:00", "SourceIp", "10.0.0.9", "User", "ubuntu");

        assertThat(f.alerts("spraying")).hasSize(1);
    }

    @Test
    void valuesThatLeftTheWindowDoNotCount() {
        Fixture f = Fixture.of(RULES)
                .match("failed_login", "09:00:00", "SourceIp", "10.0.0.9", "User", "root")
                .match("failed_login", "10:30:00", "SourceIp", "10.0.0.9", "User", "admin")
                .match("failed_login", "10:40:00", "SourceIp", "10.0.0.9", "User", "ubuntu");

        assertThat(f.alerts("spraying")).isEmpty();
    }

    @Test
    void severalFieldsCountDistinctCombinations() {
        String pairs = RULES.replace("field: User", "field: [User, DestinationHost]");
        Fixture f = Fixture.of(pairs)
                .match("failed_login", "10:00:00", "SourceIp", "10.0.0.9", "User", "root", "DestinationHost", "a")
                .match("failed_login", "10:01:00", "SourceIp", "10.0.0.9", "User", "root", "DestinationHost", "b");
        assertThat(f.alerts("spraying")).isEmpty();

        f.match("failed_login", "10:02:00", "SourceIp", "10.0.0.9", "User", "admin", "DestinationHost", "a");
        assertThat(f.alerts("spraying")).hasSize(1);
    }
}
