package dev.picket.engine.correlation;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewTermsTest {

    private static final String RULES = """
            title: Service account used for an unusual operation
            name: sa_unusual
            level: medium
            correlation:
                type: new_terms
                rules:
                    - sa_request
                group-by:
                    - user.username
                fields:
                    - verb
                    - objectRef.resource
                learning: 1h
            ---
            title: Request by a service account
            name: sa_request
            """;

    private static final String SA = "system:serviceaccount:shop:web";

    private static Fixture request(Fixture f, String time, String user, String verb, String resource) {
        return f.match("sa_request", time, "user.username", user, "verb", verb, "objectRef.resource", resource);
    }

    private static Fixture learned(InMemoryStateStore store) {
        Fixture f = Fixture.of(RULES, store, 100);
        request(f, "10:00:00", SA, "get", "configmaps");
        request(f, "10:20:00", SA, "list", "pods");
        request(f, "10:59:59", SA, "watch", "endpoints");
        return f;
    }

    @Test
    void staysSilentWhileLearning() {
        assertThat(learned(new InMemoryStateStore()).out).isEmpty();
    }

    @Test
    void aNewTupleAfterLearningAlertsOnce() {
        Fixture f = learned(new InMemoryStateStore());
        request(f, "11:05:00", SA, "list", "secrets");
        request(f, "11:06:00", SA, "list", "secrets");

        assertThat(f.alerts("sa_unusual")).singleElement().satisfies(m -> {
            assertThat(m.groupBy()).containsOnly(Map.entry("user.username", SA), Map.entry("verb", "list"),
                    Map.entry("objectRef.resource", "secrets"));
            assertThat(m.time()).isEqualTo(Fixture.at("11:05:00"));
            assertThat(m.events()).hasSize(1);
        });
    }

    @Test
    void aLearnedTupleStaysSilent() {
        Fixture f = learned(new InMemoryStateStore());
        request(f, "11:05:00", SA, "list", "pods");

        assertThat(f.out).isEmpty();
    }

    @Test
    void theTupleIsJudgedAsAWhole() {
        // both values were seen, but not together
        Fixture f = learned(new InMemoryStateStore());
        request(f, "11:05:00", SA, "get", "pods");

        assertThat(f.alerts("sa_unusual")).hasSize(1);
    }

    @Test
    void eachGroupLearnsFromItsOwnFirstEvent() {
        Fixture f = learned(new InMemoryStateStore());
        request(f, "11:05:00", "system:serviceaccount:shop:batch", "create", "jobs");
        request(f, "12:04:59", "system:serviceaccount:shop:batch", "delete", "jobs");
        assertThat(f.out).isEmpty();

        request(f, "12:05:00", "system:serviceaccount:shop:batch", "create", "pods/exec");
        assertThat(f.alerts("sa_unusual")).singleElement()
                .satisfies(m -> assertThat(m.groupBy()).containsEntry("verb", "create"));
    }

    @Test
    void theBaselineSurvivesARestart() throws IOException {
        InMemoryStateStore before = new InMemoryStateStore();
        learned(before);
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        before.writeTo(saved);

        InMemoryStateStore after = InMemoryStateStore.readFrom(new ByteArrayInputStream(saved.toByteArray()));
        Fixture restarted = Fixture.of(RULES, after, 100);
        request(restarted, "11:05:00", SA, "list", "pods");
        assertThat(restarted.out).isEmpty();

        request(restarted, "11:06:00", SA, "create", "pods/exec");
        assertThat(restarted.alerts("sa_unusual")).hasSize(1);
        assertThat(restarted.correlator.stats().openGroups()).isEqualTo(1);
    }

    @Test
    void resetStartsLearningAgain() {
        Fixture f = learned(new InMemoryStateStore());
        assertThat(f.correlator.reset("sa_unusual")).isTrue();
        assertThat(f.correlator.stats().openGroups()).isZero();

        request(f, "11:05:00", SA, "list", "secrets");
        assertThat(f.out).isEmpty();
        request(f, "12:05:00", SA, "delete", "secrets");
        assertThat(f.alerts("sa_unusual")).hasSize(1);
    }

    @Test
    void resettingAnUnknownRuleSaysSo() {
        assertThat(learned(new InMemoryStateStore()).correlator.reset("no_such_rule")).isFalse();
    }

    @Test
    void stateOfRulesThatNoLongerExistIsDropped() {
        InMemoryStateStore store = new InMemoryStateStore();
        learned(store);
        store.put("event_count:4:gone|1:x|", new byte[]{0});

        Fixture.of(RULES, store, 100);
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void groupsBeyondTheCapAreEvicted() {
        Fixture f = Fixture.of(RULES, new InMemoryStateStore(), 2);
        request(f, "10:00:00", "a", "get", "pods");
        request(f, "10:00:01", "b", "get", "pods");
        request(f, "10:00:02", "c", "get", "pods");

        assertThat(f.correlator.stats()).isEqualTo(new CorrelationStats(2, 1, 0));
    }

    @Test
    void aStreamThatIsNotAStateFileIsRefused() {
        assertThatThrownBy(() -> InMemoryStateStore.readFrom(new ByteArrayInputStream("hello world!".getBytes())))
                .isInstanceOf(IOException.class).hasMessage("not a Picket state file");
    }

    @Test
    void aTruncatedStateFileIsRefused() throws IOException {
        InMemoryStateStore store = new InMemoryStateStore();
        learned(store);
        ByteArrayOutputStream saved = new ByteArrayOutputStream();
        store.writeTo(saved);
        byte[] bytes = saved.toByteArray();

        assertThatThrownBy(() -> InMemoryStateStore.readFrom(new ByteArrayInputStream(bytes, 0, bytes.length - 3)))
                .isInstanceOf(IOException.class);
    }
}
