package dev.picket.engine.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.Match;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.LogSource;
import dev.picket.engine.event.Origin;
import dev.picket.engine.rule.RuleInfo;
import dev.picket.engine.rule.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AlertFactoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-12-07T10:15:30.123Z");
    private final AlertFactory factory = new AlertFactory("prod-eu");

    static RuleInfo rule(String name, String... tags) {
        return new RuleInfo("5b1c8f9e-0000-4000-8000-000000000001", name, "Privileged container created",
                "A pod asked for privileged mode.", Severity.HIGH, List.of(tags), List.of(), List.of(),
                "Remove privileged: true.", LogSource.KUBERNETES_AUDIT, "rules/x.yml", 1, JSON.createObjectNode());
    }

    static Event audit(String json) throws Exception {
        return new Event(LogSource.KUBERNETES_AUDIT, T0, new Origin("audit.jsonl", 3, null),
                (ObjectNode) JSON.readTree(json.replace('\'', '"')));
    }

    static Event runtime(String json) throws Exception {
        return new Event(LogSource.linux("process_creation"), T0, new Origin("events.jsonl", 1, null),
                (ObjectNode) JSON.readTree(json.replace('\'', '"')));
    }

    static Match match(RuleInfo rule, Event... events) {
        return new Match(rule, events[events.length - 1].time(), List.of(events), Map.of());
    }

    private static final String POD_CREATE = """
            {'auditID': 'a-1', 'stage': 'ResponseComplete', 'verb': 'create', 'user': {'username': 'alice'},
             'sourceIPs': ['203.0.113.7', '10.0.0.1'],
             'objectRef': {'resource': 'pods', 'namespace': 'shop', 'name': 'web-7d4b9c8f6d-x2x9q'},
             'requestObject': {'kind': 'Pod', 'metadata': {'name': 'web-7d4b9c8f6d-x2x9q', 'namespace': 'shop',
                 'labels': {'pod-template-hash': '7d4b9c8f6d'},
                 'ownerReferences': [{'kind': 'ReplicaSet', 'name': 'web-7d4b9c8f6d', 'controller': true}]},
               'spec': {'nodeName': 'node-3', 'containers': [{'name': 'app', 'image': 'nginx:1.27',
                 'env': [{'name': 'DB_PASSWORD', 'value': 'hunter2'}], 'securityContext': {'privileged': true}}]}}}""";

    @Test
    void carriesRuleSeverityTimeAndTexts() throws Exception {
        Alert a = factory.create(match(rule("audit-privileged-container", "attack.t1610", "attack.privilege_escalation"), audit(POD_CREATE)));
        assertThat(a.ruleId()).isEqualTo("audit-privileged-container");
        assertThat(a.ruleTitle()).isEqualTo("Privileged container created");
        assertThat(a.severity()).isEqualTo(Severity.HIGH);
        assertThat(a.time()).isEqualTo(T0);
        assertThat(a.description()).isEqualTo("A pod asked for privileged mode.");
        assertThat(a.remediation()).isEqualTo("Remove privileged: true.");
        assertThat(a.attack().tactics()).containsExactly("privilege-escalation");
        assertThat(a.attack().techniques()).containsExactly("T1610");
    }

    @Test
    void theRuleIdIsTheSigmaIdWhenTheRuleHasNoName() throws Exception {
        Alert a = factory.create(match(rule(null), audit(POD_CREATE)));
        assertThat(a.ruleId()).isEqualTo("5b1c8f9e-0000-4000-8000-000000000001");
    }

    @Test
    void theSameMatchAlwaysGetsTheSameId() throws Exception {
        String first = factory.create(match(rule("r1"), audit(POD_CREATE))).id();
        assertThat(factory.create(match(rule("r1"), audit(POD_CREATE))).id()).isEqualTo(first).hasSize(32);
        assertThat(factory.create(match(rule("r2"), audit(POD_CREATE))).id()).as("another rule").isNotEqualTo(first);
        assertThat(factory.create(match(rule("r1"), audit(POD_CREATE.replace("ResponseComplete", "ResponseStarted")))).id())
                .as("another stage").isNotEqualTo(first);
        assertThat(factory.create(match(rule("r1"), audit(POD_CREATE.replace("'a-1'", "'a-2'")))).id())
                .as("another request").isNotEqualTo(first);
    }

    @Test
    void runtimeEventsAreIdentifiedByContent() throws Exception {
        String e = "{'Image': '/usr/bin/nc', 'ProcessId': 41}";
        String first = factory.create(match(rule("r"), runtime(e))).id();
        assertThat(factory.create(match(rule("r"), runtime(e))).id()).isEqualTo(first);
        assertThat(factory.create(match(rule("r"), runtime(e.replace("41", "42")))).id()).isNotEqualTo(first);
    }

    @Test
    void auditPodEntityNamesTheDeploymentBehindTheReplicaSet() throws Exception {
        Entity e = factory.create(match(rule("r"), audit(POD_CREATE))).entity();
        assertThat(e).isEqualTo(new Entity("prod-eu", "shop", new Workload("Deployment", "web"),
                "web-7d4b9c8f6d-x2x9q", "app", "nginx:1.27", "node-3", "alice", "203.0.113.7"));
    }

    @Test
    void aReplicaSetWithoutTheTemplateHashStaysAReplicaSet() throws Exception {
        Entity e = factory.create(match(rule("r"), audit(POD_CREATE.replace("'pod-template-hash': '7d4b9c8f6d'", "'app': 'web'")))).entity();
        assertThat(e.workload()).isEqualTo(new Workload("ReplicaSet", "web-7d4b9c8f6d"));
    }

    @Test
    void execNamesThePodAndTheContainerFromTheRequest() throws Exception {
        Entity e = factory.create(match(rule("r"), audit("""
                {'auditID': 'x', 'stage': 'ResponseStarted', 'verb': 'create', 'user': {'username': 'bob'},
                 'requestURI': '/api/v1/namespaces/shop/pods/web-0/exec?command=sh&container=side%2Dcar&stdin=true',
                 'objectRef': {'resource': 'pods', 'subresource': 'exec', 'namespace': 'shop', 'name': 'web-0'}}"""))).entity();
        assertThat(e.pod()).isEqualTo("web-0");
        assertThat(e.container()).isEqualTo("side-car");
        assertThat(e.namespace()).isEqualTo("shop");
        assertThat(e.workload()).isNull();
    }

    @Test
    void aDeploymentPodIsRecognisedByItsNameAlone() throws Exception {
        String exec = """
                {'objectRef': {'resource': 'pods', 'subresource': 'exec', 'namespace': 'shop', 'name': 'NAME'}}""";
        assertThat(factory.create(match(rule("r"), audit(exec.replace("NAME", "payments-6c8f9d7b5-qm4zn")))).entity().workload())
                .isEqualTo(new Workload("Deployment", "payments"));
        assertThat(factory.create(match(rule("r"), audit(exec.replace("NAME", "my-app-server-agent")))).entity().workload())
                .as("words are not template hashes").isNull();
        assertThat(factory.create(match(rule("r"), audit(exec.replace("NAME", "web-0")))).entity().workload()).isNull();
    }

    @Test
    void aNamespaceEventIsAboutThatNamespace() throws Exception {
        Entity e = factory.create(match(rule("r"), audit("{'verb': 'delete', 'objectRef': {'resource': 'namespaces', 'name': 'shop'}}"))).entity();
        assertThat(e.namespace()).isEqualTo("shop");
        Entity pods = factory.create(match(rule("r"), audit("{'verb': 'list', 'objectRef': {'resource': 'pods'}}"))).entity();
        assertThat(pods.namespace()).as("a cluster-wide list names no namespace").isNull();
    }

    @Test
    void aWorkloadObjectIsItsOwnWorkload() throws Exception {
        Entity e = factory.create(match(rule("r"), audit("""
                {'objectRef': {'resource': 'cronjobs', 'namespace': 'ops', 'name': 'backup'},
                 'requestObject': {'kind': 'CronJob', 'spec': {'jobTemplate': {'spec': {'template': {'spec':
                   {'containers': [{'name': 'c', 'image': 'xmrig/xmrig'}]}}}}}}}"""))).entity();
        assertThat(e.workload()).isEqualTo(new Workload("CronJob", "backup"));
        assertThat(e.image()).isEqualTo("xmrig/xmrig");
        assertThat(e.pod()).isNull();
    }

    @Test
    void aJobOfACronJobBelongsToTheCronJob() throws Exception {
        Entity e = factory.create(match(rule("r"), audit("""
                {'objectRef': {'resource': 'jobs', 'namespace': 'ops', 'name': 'backup-29384720'},
                 'requestObject': {'kind': 'Job', 'metadata': {'name': 'backup-29384720',
                   'ownerReferences': [{'kind': 'CronJob', 'name': 'backup', 'controller': true}]}}}"""))).entity();
        assertThat(e.workload()).isEqualTo(new Workload("CronJob", "backup"));
    }

    @Test
    void runtimeEntityComesFromContainerAndK8sContext() throws Exception {
        Entity e = factory.create(match(rule("r"), runtime("""
                {'node': 'node-1', 'User': 'root', 'container': {'id': 'c0ffee', 'name': 'app', 'image': 'nginx'},
                 'k8s': {'namespace': 'shop', 'pod': 'web-7d4b9c8f6d-x2x9q', 'labels': {'pod-template-hash': '7d4b9c8f6d'}},
                 'DestinationIp': '1.2.3.4', 'SourceIp': '10.1.1.1', 'Initiated': true}"""))).entity();
        assertThat(e).isEqualTo(new Entity("prod-eu", "shop", new Workload("Deployment", "web"),
                "web-7d4b9c8f6d-x2x9q", "app", "nginx", "node-1", "root", null));
    }

    @Test
    void runtimeWorkloadFromStatefulSetAndJobLabels() throws Exception {
        Entity sts = factory.create(match(rule("r"), runtime(
                "{'k8s': {'pod': 'db-2', 'labels': {'statefulset.kubernetes.io/pod-name': 'db-2', 'controller-revision-hash': 'db-5f'}}}"))).entity();
        assertThat(sts.workload()).isEqualTo(new Workload("StatefulSet", "db"));
        Entity job = factory.create(match(rule("r"), runtime(
                "{'k8s': {'pod': 'mig-abcde', 'labels': {'batch.kubernetes.io/job-name': 'mig'}}}"))).entity();
        assertThat(job.workload()).isEqualTo(new Workload("Job", "mig"));
        Entity bare = factory.create(match(rule("r"), runtime("{'k8s': {'pod': 'debug', 'labels': {'app': 'x'}}}"))).entity();
        assertThat(bare.workload()).isNull();
    }

    @Test
    void sshdLoginsNameTheSourceAddress() throws Exception {
        Event e = new Event(LogSource.SSHD, T0, new Origin("auth.log", 9, "edge"),
                (ObjectNode) JSON.readTree("{\"EventType\": \"failed_password\", \"User\": \"root\", \"SourceIp\": \"198.51.100.4\", \"node\": \"bastion\"}"));
        Entity entity = factory.create(match(rule("r"), e)).entity();
        assertThat(entity.sourceIp()).isEqualTo("198.51.100.4");
        assertThat(entity.cluster()).as("the source's own cluster wins").isEqualTo("edge");
        assertThat(entity.node()).isEqualTo("bastion");
    }

    @Test
    void laterEvidenceFillsWhatTheFirstLacks() throws Exception {
        Event first = runtime("{'User': 'root'}");
        Event second = runtime("{'User': 'www', 'node': 'node-9'}");
        Entity e = factory.create(match(rule("r"), first, second)).entity();
        assertThat(e.user()).isEqualTo("root");
        assertThat(e.node()).isEqualTo("node-9");
    }

    @Test
    void aCorrelationAlertCarriesItsGroupRedacted() throws Exception {
        Match m = new Match(rule("burst"), T0, List.of(runtime("{'User': 'root'}")),
                Map.of("User", "root", "CommandLine", "app --token abcdef"));
        Alert a = factory.create(m);
        assertThat(a.groupBy()).containsExactly(Map.entry("CommandLine", "app --token [REDACTED]"), Map.entry("User", "root"));
        assertThat(factory.create(match(rule("r"), runtime("{'User': 'root'}"))).groupBy()).isEmpty();
    }

    @Test
    void evidenceIsRedactedAndTheEventIsNot() throws Exception {
        Event event = audit(POD_CREATE);
        Alert a = factory.create(match(rule("r"), event));
        assertThat(a.evidence().get(0).at("/requestObject/spec/containers/0/env/0/value").asText()).isEqualTo("[REDACTED]");
        assertThat(event.root().at("/requestObject/spec/containers/0/env/0/value").asText()).isEqualTo("hunter2");
    }
}
