package dev.picket.io.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.Engine;
import dev.picket.engine.Match;
import dev.picket.engine.correlation.InMemoryStateStore;
import dev.picket.engine.correlation.SigmaCorrelator;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.LogSource;
import dev.picket.engine.event.Origin;
import dev.picket.engine.sigma.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateFileTest {

    @TempDir
    Path data;

    @Test
    void whatIsSavedLoadsBack() throws IOException {
        InMemoryStateStore store = new InMemoryStateStore();
        store.put("new_terms:2:sa|4:user|", new byte[]{1, 2, 3});
        store.put("event_count:2:bf|", new byte[0]);
        StateFile file = new StateFile(data.resolve("nested"));
        file.save(store);

        InMemoryStateStore loaded = file.load();
        assertThat(loaded.size()).isEqualTo(2);
        assertThat(loaded.get("new_terms:2:sa|4:user|")).containsExactly(1, 2, 3);
        try (var files = Files.list(data.resolve("nested"))) {
            assertThat(files).containsExactly(file.path());
        }
    }

    @Test
    void nothingSavedYetLoadsEmpty() throws IOException {
        assertThat(new StateFile(data).load().size()).isZero();
    }

    @Test
    void aDamagedFileIsAnErrorNamingIt() throws IOException {
        StateFile file = new StateFile(data);
        Files.writeString(file.path(), "not state");

        assertThatThrownBy(file::load).isInstanceOf(IOException.class)
                .hasMessageStartingWith(file.path() + ": cannot read correlation state");
    }

    private static final String BASELINE = """
            title: Request by a service account
            name: sa_request
            logsource:
                product: kubernetes
                service: audit
            detection:
                selection:
                    user.username|startswith: 'system:serviceaccount:'
                condition: selection
            ---
            title: Service account used for an unusual operation
            name: audit-sa-anomalous-operation
            correlation:
                type: new_terms
                rules:
                    - sa_request
                group-by:
                    - user.username
                fields:
                    - verb
                    - objectRef.resource
                learning: 1d
            """;

    private static Event request(String time, String verb, String resource) throws IOException {
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree("""
                {"stage": "ResponseComplete", "user": {"username": "system:serviceaccount:shop:web"},
                 "verb": "%s", "objectRef": {"resource": "%s"}}""".formatted(verb, resource));
        return new Event(LogSource.KUBERNETES_AUDIT, Instant.parse(time), Origin.UNKNOWN, root);
    }

    /** What a restarted process does: load the saved state, run, save again. */
    private static List<String> runFromFile(RuleSet rules, StateFile file, Event... events) throws IOException {
        InMemoryStateStore store = file.load();
        Engine engine = new Engine(rules, new SigmaCorrelator(rules.correlations(), store, 1000));
        List<String> alerts = new ArrayList<>();
        for (Event event : events) engine.process(event, (Match m) -> alerts.add(m.rule().ruleId() + " " + m.groupBy().get("verb")));
        file.save(store);
        return alerts;
    }

    @Test
    void aLearnedBaselineSurvivesARestartThroughTheFile() throws Exception {
        RuleSet rules = RuleSet.builder().add("baseline.yml", BASELINE).build();
        StateFile file = new StateFile(data);

        assertThat(runFromFile(rules, file,
                request("2026-03-01T10:00:00Z", "get", "configmaps"),
                request("2026-03-01T12:00:00Z", "list", "pods"))).isEmpty();

        assertThat(runFromFile(rules, file,
                request("2026-03-02T11:00:00Z", "list", "pods"),
                request("2026-03-02T11:01:00Z", "list", "secrets")))
                .containsExactly("audit-sa-anomalous-operation list");
    }
}
