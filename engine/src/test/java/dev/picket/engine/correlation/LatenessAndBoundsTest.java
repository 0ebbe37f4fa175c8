package dev.picket.engine.correlation;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LatenessAndBoundsTest {

    private static final String RULES = """
            title: Three in five minutes
            name: three
            correlation:
                type: event_count
                rules:
                    - hit
                group-by:
                    - User
                timespan: 5m
                condition:
                    gte: 3
            ---
            title: Hit
            name: hit
            """;

    @Test
    void eventsSlightlyOutOfOrderStillCount() {
        Fixture f = Fixture.of(RULES)
                .match("hit", "10:00:00", "User", "a")
                .match("hit", "10:04:00", "User", "a")
                .match("hit", "10:02:00", "User", "a");

        assertThat(f.alerts("three")).singleElement()
                .satisfies(m -> assertThat(m.time()).isEqualTo(Fixture.at("10:04:00")));
        assertThat(f.correlator.stats().late()).isZero();
    }

    @Test
    void aLateEventOutsideItsGroupsWindowIsIgnoredAndCounted() {
        Fixture f = Fixture.of(RULES)
                .match("hit", "10:10:00", "User", "a")
                .match("hit", "10:11:00", "User", "a")
                .match("hit", "10:04:59", "User", "a");

        assertThat(f.alerts("three")).isEmpty();
        assertThat(f.correlator.stats().late()).isEqualTo(1);
    }

    @Test
    void anEventStampedFarInTheFutureDoesNotMakeOtherGroupsLate() {
        Fixture f = Fixture.of(RULES).match("hit", "23:59:59", "User", "forged");
        f.correlator.advanceTo(Instant.parse("2099-01-01T00:00:00Z"));
        f.match("hit", "10:00:00", "User", "a")
                .match("hit", "10:00:01", "User", "a")
                .match("hit", "10:00:02", "User", "a");

        assertThat(f.alerts("three")).hasSize(1);
        assertThat(f.correlator.stats().late()).isZero();
    }

    @Test
    void theOldestGroupIsEvictedAtTheCap() {
        Fixture f = Fixture.of(RULES, new InMemoryStateStore(), 2)
                .match("hit", "10:00:00", "User", "a")
                .match("hit", "10:00:01", "User", "a")
                .match("hit", "10:00:02", "User", "b")
                .match("hit", "10:00:03", "User", "c");

        assertThat(f.correlator.stats()).isEqualTo(new CorrelationStats(2, 1, 0));
        // a's two hits were evicted with its group: one more does not reach three
        f.match("hit", "10:00:04", "User", "a");
        assertThat(f.alerts("three")).isEmpty();
    }

    @Test
    void recentlyActiveGroupsSurviveEviction() {
        Fixture f = Fixture.of(RULES, new InMemoryStateStore(), 2)
                .match("hit", "10:00:00", "User", "a")
                .match("hit", "10:00:01", "User", "b")
                .match("hit", "10:00:02", "User", "a")
                .match("hit", "10:00:03", "User", "c")
                .match("hit", "10:00:04", "User", "a");

        assertThat(f.alerts("three")).hasSize(1);
        assertThat(f.correlator.stats().evictions()).isEqualTo(1);
    }

    @Test
    void expiredWindowsArePrunedAsEventTimeAdvances() {
        InMemoryStateStore store = new InMemoryStateStore();
        Fixture f = Fixture.of(RULES, store, 100)
                .match("hit", "10:00:00", "User", "a")
                .match("hit", "10:00:00", "User", "b");
        assertThat(f.correlator.stats().openGroups()).isEqualTo(2);

        f.correlator.advanceTo(Fixture.at("10:09:00"));
        assertThat(f.correlator.stats().openGroups()).isEqualTo(2);

        // the window (5m) and the retention after it (5m) have passed
        f.correlator.advanceTo(Fixture.at("10:10:01"));
        assertThat(f.correlator.stats().openGroups()).isZero();
        assertThat(store.size()).isZero();
    }

    @Test
    void eventTimeNeverGoesBack() {
        Fixture f = Fixture.of(RULES).match("hit", "10:00:00", "User", "a");
        f.correlator.advanceTo(Instant.EPOCH);

        assertThat(f.correlator.stats().openGroups()).isEqualTo(1);
    }

    private static final String FIVE_USERS = """
            title: Many users from one address
            name: many_users
            correlation:
                type: value_count
                rules:
                    - failed_login
                group-by:
                    - SourceIp
                timespan: 1h
                condition:
                    field: User
                    gte: 20
            ---
            title: Failed login
            name: failed_login
            """;

    @Test
    void aValueCountGroupWithFiveValuesIsSmall() {
        InMemoryStateStore store = new InMemoryStateStore();
        Fixture f = Fixture.of(FIVE_USERS, store, 100);
        for (String user : new String[]{"root", "admin", "ubuntu", "oracle", "postgres"}) {
            f.match("failed_login", "10:00:0" + user.length(), "SourceIp", "203.0.113.77", "User", user);
        }
        int[] bytes = new int[1];
        store.scan("", (key, value) -> bytes[0] += key.length() + value.length);

        assertThat(store.size()).isEqualTo(1);
        assertThat(bytes[0]).isLessThan(100);
    }

    private static Fixture hits(String yaml, int count) {
        Fixture f = Fixture.of(yaml);
        for (int i = 0; i < count; i++) f.match("hit", "10:%02d:%02d".formatted(i / 60 % 60, i % 60), "User", "a", "bytes", "1");
        return f;
    }

    @Test
    void largeLimitsAreCountedExactlyWhenEntriesMerge() {
        String many = RULES.replace("gte: 3", "gte: 300").replace("timespan: 5m", "timespan: 1h");
        assertThat(hits(many, 299).alerts("three")).isEmpty();
        assertThat(hits(many, 300).alerts("three")).hasSize(1);
    }

    @Test
    void sumsStayExactWhenEntriesMerge() {
        String sum = RULES.replace("type: event_count", "type: value_sum").replace("gte: 3", "gt: 999\n        field: bytes")
                .replace("timespan: 5m", "timespan: 1h");
        assertThat(hits(sum, 999).alerts("three")).isEmpty();
        assertThat(hits(sum, 1000).alerts("three")).hasSize(1);
    }

    @Test
    void anEventCountGroupKeepsNoMoreThanItsConditionNeeds() {
        InMemoryStateStore store = new InMemoryStateStore();
        Fixture f = Fixture.of(RULES, store, 100);
        for (int i = 0; i < 200; i++) f.match("hit", "10:00:%02d".formatted(i % 60), "User", "a");
        int[] bytes = new int[1];
        store.scan("", (key, value) -> bytes[0] += value.length);

        assertThat(bytes[0]).isLessThan(20);
    }
}
