package dev.picket.engine.sigma;

import dev.picket.engine.event.Event;
import dev.picket.engine.sigma.compile.Requirement;
import dev.picket.engine.testing.Events;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.picket.engine.testing.TestRules.ruleSet;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The literal index offers an event only to rules whose required literal it holds. It must never
 * change what matches, only how many rules are evaluated.
 */
class LiteralIndexTest {

    private static Requirement requirement(String detection) {
        return ruleSet(Sigma.rule(detection)).group(Sigma.TEST, true).chosen[0];
    }

    @Test
    void exactValuesOfAFieldAreRequired() {
        Requirement r = requirement("""
                selection:
                    verb:
                        - create
                        - Update
                condition: selection
                """);
        assertThat(r.field().text()).isEqualTo("verb");
        assertThat(r.key()).isEqualTo(Requirement.Key.EXACT);
        assertThat(r.literals()).containsExactlyInAnyOrder("create", "update");
    }

    @Test
    void theMostSelectiveFieldOfAConjunctionIsChosen() {
        Requirement r = requirement("""
                selection:
                    verb:
                        - create
                        - update
                        - patch
                    objectRef.resource: pods
                    user.username|startswith: system
                condition: selection
                """);
        assertThat(r.field().text()).isEqualTo("objectRef.resource");
        assertThat(r.literals()).containsExactly("pods");
    }

    @Test
    void endswithAPathGivesTheBasename() {
        Requirement r = requirement("""
                selection:
                    Image|endswith:
                        - /bin/nc
                        - '\\\\ncat.exe'
                    CommandLine|contains: ' -e '
                condition: selection
                """);
        assertThat(r.field().text()).isEqualTo("Image");
        assertThat(r.key()).isEqualTo(Requirement.Key.BASENAME);
        assertThat(r.literals()).containsExactlyInAnyOrder("nc", "ncat.exe");
    }

    @Test
    void branchesOnTheSameFieldUnite() {
        Requirement r = requirement("""
                sel_a:
                    Image: /usr/bin/curl
                sel_b:
                    Image|endswith: /wget
                condition: 1 of sel_*
                """);
        assertThat(r.key()).isEqualTo(Requirement.Key.BASENAME);
        assertThat(r.literals()).containsExactlyInAnyOrder("curl", "wget");
    }

    @Test
    void literalsFewRulesShareAreChosen() {
        String rules = """
                title: a
                logsource: {product: kubernetes, service: audit}
                detection:
                    s: {verb: create, objectRef.resource: pods}
                    condition: s
                ---
                title: b
                logsource: {product: kubernetes, service: audit}
                detection:
                    s: {verb: create, objectRef.resource: secrets}
                    condition: s
                """;
        RuleGroup group = ruleSet(rules).group(dev.picket.engine.event.LogSource.KUBERNETES_AUDIT, true);
        assertThat(group.chosen).extracting(r -> r.field().text()).containsExactly("objectRef.resource", "objectRef.resource");
    }

    @Test
    void nothingIsRequiredWhenABranchLacksIt() {
        assertThat(requirement("""
                a:
                    Image: /bin/sh
                b:
                    User: root
                condition: a or b
                """)).isNull();
        assertThat(requirement("""
                a:
                    Image: /bin/sh
                condition: not a
                """)).isNull();
        assertThat(requirement("""
                a:
                    Image|endswith: sh
                condition: a
                """)).isNull();
        assertThat(requirement("""
                a:
                    - sh
                condition: a
                """)).isNull();
        assertThat(requirement("""
                a:
                    Port: 22
                condition: a
                """)).isNull();
        assertThat(requirement("""
                a:
                    verb|neq: get
                condition: a
                """)).isNull();
    }

    @Test
    void notInsideAConjunctionLeavesTheOtherRequirement() {
        Requirement r = requirement("""
                selection:
                    verb: delete
                filter:
                    user.username: admin
                condition: selection and not filter
                """);
        assertThat(r.literals()).containsExactly("delete");
    }

    private static final String CORPUS = """
            title: pods
            logsource: {product: kubernetes, service: audit}
            detection:
                s: {verb: create, objectRef.resource: pods}
                condition: s
            ---
            title: secrets read
            logsource: {product: kubernetes, service: audit}
            detection:
                s: {verb: [get, list, watch], objectRef.resource: SECRETS}
                f: {user.username|startswith: 'system:'}
                condition: s and not f
            ---
            title: exec
            logsource: {product: kubernetes, service: audit}
            detection:
                s: {objectRef.subresource: [exec, attach]}
                condition: s
            ---
            title: anonymous
            logsource: {product: kubernetes, service: audit}
            detection:
                s: {user.username: 'system:anonymous'}
                t: {user.groups: 'system:unauthenticated'}
                condition: s or t
            ---
            title: shells
            logsource: {product: linux, category: process_creation}
            detection:
                s: {Image|endswith: [/sh, /bash, '\\\\cmd.exe']}
                condition: s
            ---
            title: netcat
            logsource: {product: linux, category: process_creation}
            detection:
                a: {Image: /usr/bin/nc}
                b: {Image|endswith: /ncat}
                condition: a or b
            ---
            title: tmp
            logsource: {product: linux, category: process_creation}
            detection:
                s: {Image|startswith: /tmp/}
                condition: s
            ---
            title: cased image
            logsource: {product: linux, category: process_creation}
            detection:
                s: {Image|cased: /bin/Busybox}
                condition: s
            """;

    private static final List<Event> EVENTS = List.of(
            Events.audit("{'verb': 'create', 'objectRef': {'resource': 'pods'}}"),
            Events.audit("{'verb': 'CREATE', 'objectRef': {'resource': 'Pods'}}"),
            Events.audit("{'verb': 'create', 'objectRef': {'resource': 'pods', 'subresource': 'exec'}}"),
            Events.audit("{'verb': 'get', 'objectRef': {'resource': 'secrets'}, 'user': {'username': 'bob'}}"),
            Events.audit("{'verb': 'get', 'objectRef': {'resource': 'secrets'}, 'user': {'username': 'system:kube'}}"),
            Events.audit("{'verb': 'list', 'objectRef': {'resource': 'configmaps'}}"),
            Events.audit("{'verb': 'get', 'user': {'username': 'x', 'groups': ['system:authenticated', 'system:unauthenticated']}}"),
            Events.audit("{'verb': 7, 'objectRef': {'resource': ['pods', 'secrets']}}"),
            Events.linux("process_creation", "{'Image': '/bin/sh'}"),
            Events.linux("process_creation", "{'Image': '/usr/bin/BASH'}"),
            Events.linux("process_creation", "{'Image': 'C:\\\\Windows\\\\System32\\\\cmd.exe'}"),
            Events.linux("process_creation", "{'Image': '/usr/bin/nc'}"),
            Events.linux("process_creation", "{'Image': '/opt/ncat'}"),
            Events.linux("process_creation", "{'Image': '/tmp/ncat'}"),
            Events.linux("process_creation", "{'Image': '/bin/busybox'}"),
            Events.linux("process_creation", "{'Image': '/bin/Busybox'}"),
            Events.linux("process_creation", "{'Image': 'sh'}"),
            Events.linux("process_creation", "{'Image': 42}"),
            Events.linux("process_creation", "{'Image': ['/bin/true', '/bin/bash']}"),
            Events.linux("process_creation", "{}"));

    @Test
    void theIndexNeverChangesWhatMatches() {
        RuleSet rules = ruleSet(CORPUS);
        assertThat(rules.detections().stream().filter(d -> !d.requirements().isEmpty())).hasSize(6);
        Detector indexed = rules.detector();
        Detector everyRule = rules.detectorWithoutIndex();
        for (Event e : EVENTS) {
            List<String> expected = new ArrayList<>();
            everyRule.detect(e, true, r -> expected.add(r.info().title()));
            List<String> actual = new ArrayList<>();
            indexed.detect(e, true, r -> actual.add(r.info().title()));
            assertThat(actual).as(e.root().toString()).isEqualTo(expected);
        }
    }

    @Test
    void theIndexSkipsRulesWhoseLiteralTheEventLacks() {
        RuleSet rules = ruleSet(CORPUS);
        Detector indexed = rules.detector();
        Detector everyRule = rules.detectorWithoutIndex();
        Event listConfigMaps = EVENTS.get(5);
        indexed.detect(listConfigMaps, true, r -> {});
        everyRule.detect(listConfigMaps, true, r -> {});
        assertThat(everyRule.evaluations()).isEqualTo(4);
        assertThat(indexed.evaluations()).isEqualTo(1); // "anonymous": its branches test different fields
    }

    /**
     * What the index saves on a realistic mix: audit rules keyed by verb and resource, process
     * rules keyed by executable, and a few rules nothing can be required of. Wall-clock gains
     * follow the evaluation counts (about sevenfold on this mix, measured single-threaded).
     */
    @Test
    void theIndexCutsEvaluationsOnALargeRuleSet() {
        String[] verbs = {"get", "list", "watch", "create", "update", "patch", "delete"};
        String[] resources = {"pods", "secrets", "configmaps", "deployments", "daemonsets", "roles", "rolebindings",
                "clusterroles", "serviceaccounts", "nodes", "namespaces", "services", "jobs", "cronjobs", "leases"};
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            yaml.append("title: audit ").append(i).append("""

                    logsource: {product: kubernetes, service: audit}
                    detection:
                        s: {verb: %s, objectRef.resource: %s, requestObject.spec.containers.image|contains: evil%d}
                        condition: s
                    ---
                    """.formatted(verbs[i % verbs.length], resources[i % resources.length], i));
        }
        for (int i = 0; i < 150; i++) {
            yaml.append("title: process ").append(i).append("""

                    logsource: {product: linux, category: process_creation}
                    detection:
                        s: {Image|endswith: [/tool%d, /bin%d], CommandLine|contains: ' -x%d'}
                        condition: s
                    ---
                    """.formatted(i, i, i));
        }
        for (int i = 0; i < 20; i++) {
            yaml.append("title: anywhere ").append(i).append("""

                    logsource: {product: linux, category: process_creation}
                    detection:
                        s: {CommandLine|contains: zz%d}
                        condition: s
                    ---
                    """.formatted(i));
        }
        RuleSet rules = ruleSet(yaml.toString());
        Detector indexed = rules.detector();
        Detector everyRule = rules.detectorWithoutIndex();
        int events = 0;
        for (int i = 0; i < 200; i++, events += 2) {
            for (Event e : List.of(
                    Events.audit("{'verb': '%s', 'objectRef': {'resource': '%s'}, 'requestObject': {'spec': {'containers': [{'image': 'nginx'}]}}}"
                            .formatted(verbs[i % verbs.length], resources[(i * 7) % resources.length])),
                    Events.linux("process_creation", "{'Image': '/usr/bin/tool%d', 'CommandLine': 'tool --help'}".formatted(i)))) {
                indexed.detect(e, true, r -> {});
                everyRule.detect(e, true, r -> {});
            }
        }
        assertThat(everyRule.evaluations() / (double) events).isEqualTo(160.0);
        assertThat(indexed.evaluations() / (double) events).isLessThan(16.0);
    }
}
