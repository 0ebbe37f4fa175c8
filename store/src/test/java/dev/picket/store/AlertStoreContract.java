package dev.picket.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.rule.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.picket.store.TestAlerts.T0;
import static dev.picket.store.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every store does, SQLite and PostgreSQL alike. */
abstract class AlertStoreContract {
    AlertStore store;

    /** A store over an empty database. */
    abstract AlertStore open();

    @BeforeEach
    void setUp() {
        store = open();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static AlertQuery query(Severity min, String namespace, String rule, String technique) {
        return new AlertQuery(min, namespace, rule, technique, null, null, false, 100, null);
    }

    private static List<String> ids(AlertPage page) {
        return page.alerts().stream().map(a -> a.get("id").asText()).toList();
    }

    @Test
    void anAlertReadsBackAsTheJsonItWasStoredAs() {
        ObjectNode a = alert("a1", 0, "high");
        assertThat(store.add(List.of(a))).isEqualTo(1);
        assertThat(store.alert("a1")).contains(a);
        assertThat(store.alert("nope")).isEmpty();
    }

    @Test
    void addingAnAlertIdAgainStoresNothing() {
        store.add(List.of(alert("a1", 0, "high"), alert("a2", 1, "low")));
        assertThat(store.add(List.of(alert("a1", 0, "high"), alert("a3", 2, "low")))).isEqualTo(1);
        assertThat(ids(store.alerts(AlertQuery.latest(10)))).containsExactly("a3", "a2", "a1");
        assertThat(store.incidents(null, null, 10)).singleElement()
                .satisfies(i -> assertThat(i.alertCount()).isEqualTo(3));
    }

    @Test
    void aBatchWithABadAlertStoresNoneOfItAndSaysWhichFieldIsWrong() {
        ObjectNode bad = alert("a2", 1, "urgent");
        assertThatThrownBy(() -> store.add(List.of(alert("a1", 0, "high"), bad)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("alert a2").hasMessageContaining("unknown level 'urgent'");
        ObjectNode noRule = alert("a3", 1, "low");
        noRule.remove("rule");
        assertThatThrownBy(() -> store.add(List.of(noRule))).hasMessage("alert a3: missing rule.id");
        assertThat(store.alerts(AlertQuery.latest(10)).alerts()).isEmpty();
    }

    @Test
    void filtersBySeverityAtLeastNamespaceRuleAndTechnique() {
        store.add(List.of(
                alert("crit", 0, "critical", "K8S-001", "shop", "web", "T1610", "execution"),
                alert("high", 1, "high", "K8S-002", "shop", "web", "T1611.001", "privilege-escalation"),
                alert("med", 2, "medium", "K8S-001", "billing", "api", "T16110", "execution")));
        assertThat(ids(store.alerts(query(Severity.HIGH, null, null, null)))).containsExactly("high", "crit");
        assertThat(ids(store.alerts(query(null, "billing", null, null)))).containsExactly("med");
        assertThat(ids(store.alerts(query(null, null, "K8S-001", null)))).containsExactly("med", "crit");
        assertThat(ids(store.alerts(query(null, null, null, "T1611")))).as("sub-techniques count, T16110 does not")
                .containsExactly("high");
        assertThat(ids(store.alerts(query(null, null, null, "T1611.001")))).containsExactly("high");
        assertThat(ids(store.alerts(query(Severity.CRITICAL, "billing", null, null)))).isEmpty();
    }

    @Test
    void filtersByTimeFromInclusiveToExclusive() {
        store.add(List.of(alert("a0", 0, "low"), alert("a1", 1, "low"), alert("a2", 2, "low")));
        var q = new AlertQuery(null, null, null, null, T0.plusSeconds(60), T0.plusSeconds(120), false, 10, null);
        assertThat(ids(store.alerts(q))).containsExactly("a1");
    }

    @Test
    void pagesWithACursorWithoutRepeatingOrSkippingAlertsOfTheSameTime() {
        List<ObjectNode> alerts = new ArrayList<>();
        for (int i = 0; i < 5; i++) alerts.add(alert("a" + i, i < 3 ? 0 : i, "low"));
        store.add(alerts);
        List<String> seen = new ArrayList<>();
        AlertQuery q = AlertQuery.latest(2);
        int pages = 0;
        while (true) {
            AlertPage page = store.alerts(q);
            pages++;
            seen.addAll(ids(page));
            if (page.next() == null) break;
            q = q.after(page.next());
        }
        assertThat(seen).containsExactly("a4", "a3", "a2", "a1", "a0");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void repeatsOfAnAlertAreKeptAndListedGroupedUnderTheFirstWithACount() {
        store.add(List.of(
                alert("r1", 0, "high", "K8S-001", "shop", "web", "T1610", "execution"),
                alert("r2", 10, "high", "K8S-001", "shop", "web", "T1610", "execution"),
                alert("r3", 20, "high", "K8S-001", "shop", "web", "T1610", "execution"),
                alert("other-rule", 5, "high", "K8S-002", "shop", "web", "T1610", "execution"),
                alert("other-workload", 5, "high", "K8S-001", "shop", "api", "T1610", "execution"),
                alert("next-window", 31, "high", "K8S-001", "shop", "web", "T1610", "execution")));
        assertThat(ids(store.alerts(AlertQuery.latest(10)))).as("every raw alert")
                .containsExactlyInAnyOrder("r1", "r2", "r3", "other-rule", "other-workload", "next-window");
        AlertPage grouped = store.alerts(AlertQuery.latest(10).groupingRepeats());
        assertThat(ids(grouped)).containsExactly("next-window", "other-workload", "other-rule", "r1");
        ObjectNode first = grouped.alerts().get(3);
        assertThat(first.get("count").asInt()).isEqualTo(3);
        assertThat(first.get("lastTime").asText()).isEqualTo(T0.plus(Duration.ofMinutes(20)).toString());
        assertThat(grouped.alerts().get(0).get("count").asInt()).isEqualTo(1);
        assertThat(store.alert("r1").orElseThrow().has("count")).as("the stored alert is unchanged").isFalse();
    }

    @Test
    void aCursorNotHandedOutIsRejected() {
        assertThatThrownBy(() -> store.alerts(AlertQuery.latest(1).after("bm90LWEtY3Vyc29y")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not one this server handed out");
    }

    @Test
    void alertsOnOneWorkloadWithinTheWindowFormOneIncident() {
        store.add(List.of(
                alert("a1", 0, "medium", "K8S-010", "shop", "web", "T1609", "execution"),
                alert("a2", 20, "critical", "K8S-020", "shop", "web", "T1611", "privilege-escalation"),
                alert("a3", 45, "low", "K8S-030", "shop", "web", "T1613", "discovery"),
                alert("other", 1, "high", "K8S-010", "shop", "api", "T1609", "execution")));
        List<Incident> incidents = store.incidents(null, null, 10);
        assertThat(incidents).hasSize(2);
        Incident web = incidents.stream().filter(i -> i.alertCount() == 3).findFirst().orElseThrow();
        assertThat(web.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(web.tactics()).containsExactly("execution", "privilege-escalation", "discovery");
        assertThat(web.first()).isEqualTo(T0);
        assertThat(web.last()).isEqualTo(T0.plus(Duration.ofMinutes(45)));
        assertThat(web.title()).isEqualTo("Title of K8S-020 on deployment/web in shop");
        assertThat(web.entity().toString()).isEqualTo(
                "{\"cluster\":\"prod-eu\",\"namespace\":\"shop\",\"workload\":{\"kind\":\"Deployment\",\"name\":\"web\"}}");
    }

    @Test
    void anAlertBeyondTheWindowOpensANewIncident() {
        store.add(List.of(alert("a1", 0, "low"), alert("a2", 31, "low")));
        assertThat(store.incidents(null, null, 10)).hasSize(2);
    }

    @Test
    void anIncidentTellsItsAlertsAlongTheTacticsThenByTime() {
        store.add(List.of(
                alert("impact", 0, "high", "K8S-090", "shop", "web", "T1496", "impact"),
                alert("exec2", 3, "low", "K8S-010", "shop", "web", "T1609", "execution"),
                alert("access", 5, "high", "K8S-001", "shop", "web", "T1190", "initial-access"),
                alert("exec1", 2, "low", "K8S-010", "shop", "web", "T1609", "execution")));
        String id = store.incidents(null, null, 10).getFirst().id();
        IncidentDetail detail = store.incident(id).orElseThrow();
        assertThat(detail.alerts()).extracting(a -> a.get("id").asText())
                .containsExactly("access", "exec1", "exec2", "impact");
        assertThat(store.incident("inc-none")).isEmpty();
    }

    @Test
    void principalsGroupWhenNoWorkloadIsNamedAndAlertsWithoutEntityJoinNone() {
        ObjectNode byUser1 = alert("u1", 0, "low", "K8S-040", null, null, "T1078", "initial-access");
        byUser1.with("entity").put("user", "alice");
        ObjectNode byUser2 = alert("u2", 5, "medium", "K8S-041", null, null, "T1078", "initial-access");
        byUser2.with("entity").put("user", "alice");
        ObjectNode nobody = alert("n1", 5, "medium", "K8S-041", null, null, "T1078", "initial-access");
        nobody.with("entity").remove("cluster");
        store.add(List.of(byUser1, byUser2, nobody));
        assertThat(store.incidents(null, null, 10)).singleElement().satisfies(i -> {
            assertThat(i.alertCount()).isEqualTo(2);
            assertThat(i.title()).endsWith("on user alice");
        });
    }

    @Test
    void countsAlertsPerTechniqueWithinTheTimeRange() {
        store.add(List.of(
                alert("a1", 0, "low", "R1", "shop", "web", "T1610", "execution"),
                alert("a2", 1, "low", "R1", "shop", "web", "T1610", "execution"),
                alert("a3", 2, "low", "R2", "shop", "web", "T1611", "privilege-escalation"),
                alert("a4", 90, "low", "R2", "shop", "web", "T1611", "privilege-escalation")));
        assertThat(store.techniqueCounts(null, T0.plus(Duration.ofHours(1))))
                .containsExactly(java.util.Map.entry("T1610", 2L), java.util.Map.entry("T1611", 1L));
    }

    @Test
    void retentionDeletesOldAlertsAndTheirIncidents() {
        store.add(List.of(alert("old", 0, "low", "R1", "shop", "web", "T1610", "execution"),
                alert("new", 120, "low", "R1", "shop", "web", "T1610", "execution")));
        assertThat(store.deleteBefore(T0.plus(Duration.ofHours(1)))).isEqualTo(1);
        assertThat(ids(store.alerts(AlertQuery.latest(10)))).containsExactly("new");
        assertThat(store.incidents(null, null, 10)).singleElement()
                .satisfies(i -> assertThat(i.alertCount()).isEqualTo(1));
        assertThat(store.techniqueCounts(null, null)).containsEntry("T1610", 1L);
    }

    // ---- triage -----------------------------------------------------------------------------------

    private static final java.time.Instant NOW = T0.plus(Duration.ofHours(2));

    private Triage change(String id, Status status, String assignee, String comment) {
        return store.change(Triage.Target.ALERT, id, "alice", new Triage.Change(status, assignee, comment), NOW).orElseThrow();
    }

    @Test
    void anAlertStartsNewAndEveryChangeIsLoggedWithItsActor() {
        store.add(List.of(alert("a1", 0, "high")));
        assertThat(store.triage(Triage.Target.ALERT, "a1")).contains(new Triage(Status.NEW, null, List.of()));

        change("a1", Status.ACKNOWLEDGED, "bob", "looking");
        Triage t = change("a1", Status.ACKNOWLEDGED, "bob", null);

        assertThat(t.status()).isEqualTo(Status.ACKNOWLEDGED);
        assertThat(t.assignee()).isEqualTo("bob");
        assertThat(t.history()).as("the repeated, unchanged values are not logged again").containsExactly(
                new Triage.Entry(NOW, "alice", "status", "new", "acknowledged"),
                new Triage.Entry(NOW, "alice", "assignee", null, "bob"),
                new Triage.Entry(NOW, "alice", "comment", null, "looking"));
        assertThat(change("a1", null, "", null).assignee()).as("an empty assignee clears it").isNull();
    }

    @Test
    void unknownAlertsAndIncidentsHaveNoTriage() {
        assertThat(store.triage(Triage.Target.ALERT, "nope")).isEmpty();
        assertThat(store.change(Triage.Target.INCIDENT, "nope", "alice", new Triage.Change(Status.RESOLVED, null, null), NOW))
                .isEmpty();
    }

    @Test
    void workingARepeatWorksItsGroupAndTheListingFiltersByStatus() {
        store.add(List.of(alert("a1", 0, "high"), alert("a2", 5, "high"), alert("b1", 1, "high", "K8S-002", "shop", "db", "T1609", "execution")));
        change("a2", Status.ACKNOWLEDGED, null, null);

        assertThat(store.triage(Triage.Target.ALERT, "a1").orElseThrow().status()).isEqualTo(Status.ACKNOWLEDGED);
        var acknowledged = new AlertQuery(null, null, null, null, null, null, Status.ACKNOWLEDGED, null, false, 10, null);
        assertThat(ids(store.alerts(acknowledged))).containsExactly("a2", "a1");
        assertThat(ids(store.alerts(acknowledged.groupingRepeats()))).containsExactly("a1");
        var fresh = new AlertQuery(null, null, null, null, null, null, Status.NEW, null, false, 10, null);
        assertThat(store.alerts(fresh).alerts()).singleElement()
                .satisfies(a -> assertThat(a.get("status").asText()).isEqualTo("new"));
    }

    @Test
    void aRepeatOfAResolvedAlertReopensItButAFalsePositiveStaysClosed() {
        store.add(List.of(alert("a1", 0, "high"), alert("b1", 0, "high", "K8S-002", "shop", "db", "T1609", "execution")));
        change("a1", Status.RESOLVED, null, null);
        change("b1", Status.FALSE_POSITIVE, null, null);

        store.add(List.of(alert("a2", 3, "high"), alert("b2", 3, "high", "K8S-002", "shop", "db", "T1609", "execution")));

        Triage a = store.triage(Triage.Target.ALERT, "a1").orElseThrow();
        assertThat(a.status()).isEqualTo(Status.NEW);
        assertThat(a.history()).last().isEqualTo(
                new Triage.Entry(T0.plus(Duration.ofMinutes(3)), "picket", "status", "resolved", "new"));
        assertThat(store.triage(Triage.Target.ALERT, "b1").orElseThrow().status()).isEqualTo(Status.FALSE_POSITIVE);
    }

    @Test
    void aNewAlertInAResolvedIncidentReopensIt() {
        store.add(List.of(alert("a1", 0, "high")));
        String incident = store.incidents(null, null, 1).getFirst().id();
        store.change(Triage.Target.INCIDENT, incident, "alice", new Triage.Change(Status.RESOLVED, "alice", "done"), NOW);
        assertThat(store.incidents(null, null, 1).getFirst().status()).isEqualTo(Status.RESOLVED);

        store.add(List.of(alert("c1", 10, "low", "K8S-009", "shop", "web", "T1613", "discovery")));

        assertThat(store.incidents(null, null, 1).getFirst()).satisfies(i -> {
            assertThat(i.status()).isEqualTo(Status.NEW);
            assertThat(i.assignee()).isEqualTo("alice");
        });
    }

    // ---- suppression ------------------------------------------------------------------------------

    private static ObjectNode suppressed(ObjectNode alert, String filter) {
        alert.putObject("suppressed").put("filter", filter).put("reason", "known job");
        return alert;
    }

    @Test
    void suppressedAlertsAreKeptCountedAndListedOnlyOnRequestWithoutAnIncident() {
        store.add(List.of(alert("a1", 0, "high"), suppressed(alert("a2", 1, "high"), "f1"), suppressed(alert("a3", 2, "high"), "f1")));

        var unsuppressed = new AlertQuery(null, null, null, null, null, null, null, false, true, 10, null);
        assertThat(ids(store.alerts(unsuppressed))).containsExactly("a1");
        assertThat(store.alerts(unsuppressed).alerts().getFirst().get("count").asInt())
                .as("known-good activity is no repeat of the real alert").isEqualTo(1);
        var only = new AlertQuery(null, null, null, null, null, null, null, true, false, 10, null);
        assertThat(ids(store.alerts(only))).containsExactly("a3", "a2");
        assertThat(ids(store.alerts(AlertQuery.latest(10)))).containsExactly("a3", "a2", "a1");
        assertThat(store.suppressedCounts()).containsExactly(java.util.Map.entry("f1", 2L));
        assertThat(store.incidents(null, null, 10)).singleElement()
                .satisfies(i -> assertThat(i.alertCount()).isEqualTo(1));
    }
}
