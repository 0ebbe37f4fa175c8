package dev.picket.engine.correlation;

import dev.picket.engine.Engine;
import dev.picket.engine.Match;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.LogSource;
import dev.picket.engine.sigma.RuleSet;
import dev.picket.engine.testing.Events;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.picket.engine.testing.TestRules.errors;
import static dev.picket.engine.testing.TestRules.ruleSet;
import static org.assertj.core.api.Assertions.assertThat;

/** Correlation through the whole engine: rule files in, events through detection, alerts out. */
class EngineCorrelationTest {

    private static final String SSH_BRUTE_FORCE = """
            title: Failed SSH login
            name: ssh_failed
            logsource:
                product: linux
                service: sshd
            detection:
                selection:
                    EventType:
                        - failed_password
                        - invalid_user
                condition: selection
            ---
            title: Accepted SSH login
            name: ssh_accepted
            logsource:
                product: linux
                service: sshd
            detection:
                selection:
                    EventType|startswith: accepted_
                condition: selection
            ---
            title: SSH brute force attempts
            name: ssh_attempts
            correlation:
                type: event_count
                rules:
                    - ssh_failed
                group-by:
                    - SourceIp
                timespan: 5m
                condition:
                    gte: 3
            ---
            title: Successful SSH brute force
            name: ssh_brute_force_success
            level: high
            correlation:
                type: temporal_ordered
                rules:
                    - ssh_attempts
                    - ssh_accepted
                group-by:
                    - SourceIp
                timespan: 10m
            """;

    private static Event sshd(String time, String type, String ip) {
        return Events.event(LogSource.SSHD,
                "{'time': '2026-03-01T%sZ', 'EventType': '%s', 'SourceIp': '%s', 'User': 'root'}".formatted(time, type, ip));
    }

    private static List<Match> run(RuleSet rules, Event... events) {
        Engine engine = new Engine(rules);
        List<Match> out = new ArrayList<>();
        for (Event e : events) engine.process(e, out::add);
        return out;
    }

    @Test
    void aChainOfCorrelationsFiresThroughTheEngine() {
        List<Match> out = run(ruleSet(SSH_BRUTE_FORCE),
                sshd("10:00:00", "failed_password", "203.0.113.5"),
                sshd("10:00:01", "invalid_user", "203.0.113.5"),
                sshd("10:00:02", "failed_password", "203.0.113.5"),
                sshd("10:00:30", "accepted_password", "203.0.113.5"));

        assertThat(out).singleElement().satisfies(m -> {
            assertThat(m.rule().ruleId()).isEqualTo("ssh_brute_force_success");
            assertThat(m.rule().level().word()).isEqualTo("high");
            assertThat(m.groupBy()).containsEntry("SourceIp", "203.0.113.5");
            assertThat(m.events()).hasSize(4);
        });
    }

    @Test
    void aSuccessFromAnotherAddressIsNoBruteForceSuccess() {
        List<Match> out = run(ruleSet(SSH_BRUTE_FORCE),
                sshd("10:00:00", "failed_password", "203.0.113.5"),
                sshd("10:00:01", "failed_password", "203.0.113.5"),
                sshd("10:00:02", "failed_password", "203.0.113.5"),
                sshd("10:00:30", "accepted_password", "198.51.100.1"));

        assertThat(out).isEmpty();
    }

    @Test
    void generateLetsTheInnerCorrelationAndTheSuccessAlertToo() {
        String generated = SSH_BRUTE_FORCE.replace("level: high", "level: high\ngenerate: true");
        List<Match> out = run(ruleSet(generated),
                sshd("10:00:00", "failed_password", "203.0.113.5"),
                sshd("10:00:01", "failed_password", "203.0.113.5"),
                sshd("10:00:02", "failed_password", "203.0.113.5"),
                sshd("10:00:30", "accepted_password", "203.0.113.5"));

        assertThat(out).extracting(m -> m.rule().ruleId())
                .containsExactly("ssh_attempts", "ssh_accepted", "ssh_brute_force_success");
    }

    @Test
    void correlationErrorsNameTheLineOfTheKeyAtFault() {
        String bad = """
                title: Failed SSH login
                name: ssh_failed
                logsource:
                    product: linux
                    service: sshd
                detection:
                    selection:
                        EventType: failed_password
                    condition: selection
                ---
                title: SSH brute force attempts
                correlation:
                    type: event_count
                    rules:
                        - ssh_failed
                        - ssh_fail
                    timespan: 5 minutes
                    condition:
                        gte: 3
                """;

        assertThat(errors(bad)).containsExactly(
                "test-1.yml:14: correlation.rules: no rule has the name or id 'ssh_fail'",
                "test-1.yml:17: correlation.timespan: '5 minutes' is not a positive number followed by s, m, h or d (e.g. 90m)");
    }

    @Test
    void aBaselineLearnsThroughTheEngine() {
        String rules = """
                title: Pod created in kube-system
                name: kube_system_pod
                logsource:
                    product: kubernetes
                    service: audit
                detection:
                    selection:
                        verb: create
                        objectRef.resource: pods
                        objectRef.namespace: kube-system
                    condition: selection
                ---
                title: Unexpected workload in kube-system
                name: audit-kube-system-unexpected-workload
                level: low
                correlation:
                    type: new_terms
                    rules:
                        - kube_system_pod
                    fields:
                        - requestObject.spec.containers.image
                    learning: 1d
                """;
        String pod = "{'stageTimestamp': '%s', 'stage': 'ResponseComplete', 'verb': 'create', "
                + "'objectRef': {'resource': 'pods', 'namespace': 'kube-system'}, "
                + "'requestObject': {'spec': {'containers': [{'image': '%s'}]}}}";
        List<Match> out = run(ruleSet(rules),
                Events.audit(pod.formatted("2026-03-01T10:00:00Z", "registry.k8s.io/coredns/coredns:v1.11.1")),
                Events.audit(pod.formatted("2026-03-01T11:00:00Z", "registry.k8s.io/kube-proxy:v1.30.0")),
                Events.audit(pod.formatted("2026-03-03T10:00:00Z", "registry.k8s.io/coredns/coredns:v1.11.1")),
                Events.audit(pod.formatted("2026-03-03T10:05:00Z", "docker.io/xmrig/xmrig:latest")));

        assertThat(out).singleElement().satisfies(m -> {
            assertThat(m.rule().ruleId()).isEqualTo("audit-kube-system-unexpected-workload");
            assertThat(m.groupBy()).containsEntry("requestObject.spec.containers.image", "docker.io/xmrig/xmrig:latest");
        });
    }
}
