package dev.picket.streams.topology;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.LogSource;
import dev.picket.engine.event.Origin;
import dev.picket.engine.sigma.RuleSet;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingPlanTest {
    private static final String DETECTIONS = """
            title: Failure
            name: failure
            logsource: {product: linux, service: sshd}
            detection: {sel: {EventType: failed_password}, condition: sel}
            level: low
            ---
            title: Login
            name: login
            logsource: {product: linux, service: sshd}
            detection: {sel: {EventType: accepted_password}, condition: sel}
            level: low
            ---
            title: Other
            name: other
            logsource: {product: linux, service: sshd}
            detection: {sel: {EventType: invalid_user}, condition: sel}
            level: low
            """;

    @Test
    void aChainRoutesByTheFieldsEveryLevelGroupsBy() throws Exception {
        Planned plan = plan("""
                title: Many failures
                name: many
                correlation: {type: event_count, rules: [failure], group-by: [node, SourceIp], timespan: 10m, condition: {gte: 3}}
                level: medium
                ---
                title: Then a login
                name: then-login
                correlation: {type: temporal_ordered, rules: [many, login], group-by: [node], timespan: 30m}
                level: high
                """);
        assertThat(plan.components()).hasSize(1);
        assertThat(plan.components().getFirst().fields()).containsExactly("node");
        assertThat(plan.componentOf("failure")).isSameAs(plan.componentOf("login"));
    }

    @Test
    void correlationsSharingARuleAreOneComponentAndOthersAreSeparate() throws Exception {
        Planned plan = plan("""
                title: By node
                name: by-node
                correlation: {type: event_count, rules: [failure], group-by: [node], timespan: 10m, condition: {gte: 3}}
                level: medium
                ---
                title: By source
                name: by-source
                correlation: {type: event_count, rules: [failure], group-by: [SourceIp], timespan: 10m, condition: {gte: 3}}
                level: medium
                ---
                title: Logins
                name: logins
                correlation: {type: event_count, rules: [login], group-by: [User], timespan: 10m, condition: {gte: 3}}
                level: medium
                """);
        assertThat(plan.components()).hasSize(2);
        RoutingPlan.Component failures = plan.componentOf("failure");
        assertThat(failures.fields()).as("no field both group by: one group per component").isEmpty();
        assertThat(plan.componentOf("login").fields()).containsExactly("User");
        assertThat(plan.componentOf("other")).as("no correlation refers to it").isNull();
    }

    @Test
    void anAliasedNameDoesNotRoute() throws Exception {
        Planned plan = plan("""
                title: Failure then login from the same address
                name: same-address
                correlation:
                  type: temporal
                  rules: [failure, login]
                  group-by: [node, address]
                  aliases:
                    address: {failure: SourceIp, login: SourceIp}
                  timespan: 10m
                level: medium
                """);
        assertThat(plan.components().getFirst().fields()).containsExactly("node");
    }

    @Test
    void eventsOfOneGroupShareAKeyAndOtherGroupsDiffer() throws Exception {
        Planned plan = plan("""
                title: Many failures
                name: many
                correlation: {type: event_count, rules: [failure], group-by: [node], timespan: 10m, condition: {gte: 3}}
                level: medium
                """);
        RoutingPlan.Component c = plan.componentOf("failure");
        assertThat(RoutingPlan.key(c, event("node-1", "10.0.0.1"))).isEqualTo(RoutingPlan.key(c, event("node-1", "10.0.0.2")));
        assertThat(RoutingPlan.key(c, event("node-1", "10.0.0.1"))).isNotEqualTo(RoutingPlan.key(c, event("node-2", "10.0.0.1")));
        assertThat(RoutingPlan.key(c, event(null, "10.0.0.1"))).as("absent is a value of its own")
                .isNotEqualTo(RoutingPlan.key(c, event("", "10.0.0.1")));
    }

    /** A plan over the detections above and the given correlations, with their rules at hand. */
    private record Planned(RuleSet rules, RoutingPlan plan) {
        RoutingPlan.Component componentOf(String rule) {
            return plan.componentOf(rules.rule(rule));
        }

        java.util.List<RoutingPlan.Component> components() {
            return plan.components();
        }
    }

    private static Planned plan(String correlations) throws Exception {
        RuleSet rules = RuleSet.builder().add("rules.yml", DETECTIONS + "---\n" + correlations).build();
        return new Planned(rules, new RoutingPlan(rules.correlations()));
    }

    private static Event event(String node, String sourceIp) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        if (node != null) root.put("node", node);
        root.put("SourceIp", sourceIp);
        return new Event(LogSource.SSHD, Instant.parse("2026-03-10T09:00:00Z"), Origin.UNKNOWN, root);
    }
}
