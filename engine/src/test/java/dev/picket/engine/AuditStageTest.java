package dev.picket.engine;

import dev.picket.engine.sigma.RuleSet;
import dev.picket.engine.testing.Events;
import org.junit.jupiter.api.Test;

import static dev.picket.engine.testing.TestRules.matches;
import static dev.picket.engine.testing.TestRules.ruleSet;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An audit request is judged once: at ResponseComplete, or at ResponseStarted when it is
 * long-running; RequestReceived copies only reach rules that name {@code stage} themselves.
 */
class AuditStageTest {

    private static final String PODS = """
            title: Pod created
            name: pod_created
            logsource:
                product: kubernetes
                service: audit
            detection:
                selection:
                    verb: create
                    objectRef.resource: pods
                    objectRef.subresource: null
                condition: selection
            """;

    private static final String EXEC = """
            title: Exec into pod
            name: exec
            logsource:
                product: kubernetes
                service: audit
            detection:
                selection:
                    objectRef.subresource:
                        - exec
                        - attach
                        - portforward
                condition: selection
            """;

    private static final String WATCH = """
            title: Secrets watched
            name: secrets_watch
            logsource:
                product: kubernetes
                service: audit
            detection:
                selection:
                    verb: watch
                    objectRef.resource: secrets
                condition: selection
            """;

    private static final String EARLY = """
            title: Seen at request time
            name: early
            logsource:
                product: kubernetes
                service: audit
            detection:
                selection:
                    stage: RequestReceived
                    objectRef.resource: pods
                condition: selection
            """;

    private final RuleSet rules = ruleSet(PODS, EXEC, WATCH, EARLY);

    private static String event(String stage, String verb, String resource, String subresource) {
        return ("{'stage': '%s', 'verb': '%s', 'objectRef': {'resource': '%s'"
                + (subresource == null ? "" : ", 'subresource': '" + subresource + "'") + "}}")
                .formatted(stage, verb, resource);
    }

    @Test
    void ordinaryRequestsAreJudgedAtResponseComplete() {
        assertThat(matches(rules, Events.audit(event("RequestReceived", "create", "pods", null)))).containsExactly("early");
        assertThat(matches(rules, Events.audit(event("ResponseStarted", "create", "pods", null)))).isEmpty();
        assertThat(matches(rules, Events.audit(event("ResponseComplete", "create", "pods", null)))).containsExactly("pod_created");
    }

    @Test
    void longRunningSubresourcesAreJudgedAtResponseStarted() {
        for (String sub : new String[] {"exec", "attach", "portforward"}) {
            assertThat(matches(rules, Events.audit(event("RequestReceived", "create", "pods", sub)))).as(sub).containsExactly("early");
            assertThat(matches(rules, Events.audit(event("ResponseStarted", "create", "pods", sub)))).as(sub).containsExactly("exec");
            assertThat(matches(rules, Events.audit(event("ResponseComplete", "create", "pods", sub)))).as(sub).isEmpty();
        }
    }

    @Test
    void watchesAreJudgedAtResponseStarted() {
        assertThat(matches(rules, Events.audit(event("ResponseStarted", "watch", "secrets", null)))).containsExactly("secrets_watch");
        assertThat(matches(rules, Events.audit(event("ResponseComplete", "watch", "secrets", null)))).isEmpty();
    }

    @Test
    void aPanicEndsTheRequestAndIsJudged() {
        assertThat(matches(rules, Events.audit(event("Panic", "create", "pods", null)))).containsExactly("pod_created");
    }

    @Test
    void anEventWithoutAStageIsJudgedAsItIs() {
        assertThat(matches(rules, Events.audit("{'verb': 'create', 'objectRef': {'resource': 'pods'}}"))).containsExactly("pod_created");
    }

    @Test
    void aWholeRequestAlertsOnce() {
        assertThat(matches(rules,
                Events.audit(event("RequestReceived", "create", "pods", null)),
                Events.audit(event("ResponseComplete", "create", "pods", null)),
                Events.audit(event("RequestReceived", "create", "pods", "exec")),
                Events.audit(event("ResponseStarted", "create", "pods", "exec")),
                Events.audit(event("ResponseComplete", "create", "pods", "exec"))))
                .containsExactly("early", "pod_created", "early", "exec");
    }

    @Test
    void stagesOnlyMatterForKubernetesEvents() {
        RuleSet linux = ruleSet("""
                title: any
                name: any
                logsource:
                    product: linux
                detection:
                    selection:
                        verb: create
                    condition: selection
                """);
        assertThat(matches(linux, Events.linux("process_creation", "{'stage': 'RequestReceived', 'verb': 'create'}")))
                .containsExactly("any");
    }
}
