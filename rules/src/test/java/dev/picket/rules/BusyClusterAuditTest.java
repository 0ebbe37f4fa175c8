package dev.picket.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.io.synth.AuditRecord;
import dev.picket.io.synth.AuditRecord.Principal;
import dev.picket.io.synth.BusyClusterAudit;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BusyClusterAuditTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSameSeedGivesTheSameLogAndAnotherSeedAnother() {
        assertThat(BusyClusterAudit.generate(500, 42)).isEqualTo(BusyClusterAudit.generate(500, 42))
                .isNotEqualTo(BusyClusterAudit.generate(500, 43));
    }

    @Test
    void writesExactlyTheRequestedNumberOfLines() throws Exception {
        StringWriter out = new StringWriter();
        BusyClusterAudit.write(1234, 7, out);
        assertThat(out.toString().lines()).hasSize(1234)
                .isEqualTo(BusyClusterAudit.generate(1234, 7));
    }

    @Test
    void everyLineIsAnAuditEventInTimeOrder() throws Exception {
        List<String> lines = BusyClusterAudit.generate(2000, 11);
        Instant previous = Instant.MIN;
        for (String line : lines) {
            JsonNode e = JSON.readTree(line);
            assertThat(e.path("kind").asText()).isEqualTo("Event");
            assertThat(e.path("apiVersion").asText()).isEqualTo("audit.k8s.io/v1");
            assertThat(e.path("auditID").asText()).matches("[0-9a-f-]{36}");
            assertThat(e.path("requestReceivedTimestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
            Instant received = Instant.parse(e.path("requestReceivedTimestamp").asText());
            assertThat(received).isAfterOrEqualTo(previous);
            previous = received;
        }
    }

    @Test
    void theClusterIsAsBusyAsItClaims() throws Exception {
        Set<String> users = new TreeSet<>();
        Set<String> agents = new TreeSet<>();
        Set<String> subresources = new TreeSet<>();
        for (String line : BusyClusterAudit.generate(5000, 3)) {
            JsonNode e = JSON.readTree(line);
            users.add(e.path("user").path("username").asText());
            agents.add(e.path("userAgent").asText());
            subresources.add(e.path("objectRef").path("subresource").asText());
        }
        assertThat(users).contains("system:kube-controller-manager", "system:kube-scheduler", "system:node:node-1",
                "system:serviceaccount:kube-system:replicaset-controller", "system:serviceaccount:argocd:argocd-application-controller",
                "system:serviceaccount:cert-manager:cert-manager-cainjector", "system:serviceaccount:tigera-operator:tigera-operator",
                "eks:addon-manager", "oncall-sam@example.com", "deploy-bot@example.com", "system:anonymous");
        assertThat(agents).contains("Helm/3.15.2");
        assertThat(subresources).contains("exec", "token", "status", "binding", "log");
    }

    @Test
    void noBuiltinRuleFiresOnABusyHealthyCluster() {
        String log = String.join("\n", BusyClusterAudit.generate(20_000, 2026)) + "\n";
        assertThat(BuiltinRuleRun.firedRuleIds("busy-cluster.jsonl", log)).isEmpty();
    }

    @Test
    void learnedBaselinesStayQuietOnTheSameClusterAfterTheirLearningWeek() throws Exception {
        List<String> lines = new ArrayList<>();
        BusyClusterAudit.generate(20_000, 2027, Duration.ofSeconds(40), lines::add);
        Instant last = Instant.parse(JSON.readTree(lines.get(lines.size() - 1))
                .path("requestReceivedTimestamp").asText());
        assertThat(Duration.between(Instant.parse("2026-12-01T08:00:00Z"), last)).isGreaterThan(Duration.ofDays(8));
        assertThat(BuiltinRuleRun.firedRuleIds("busy-nine-days.jsonl", String.join("\n", lines) + "\n")).isEmpty();
    }

    @Test
    void oneAttackRequestInTheBusyLogIsFoundAndNothingElse() throws Exception {
        List<String> lines = new ArrayList<>(BusyClusterAudit.generate(5_000, 2026));
        JsonNode middle = JSON.readTree(lines.get(2_500));
        Instant at = Instant.parse(middle.path("requestReceivedTimestamp").asText());
        Principal anonymous = new Principal("system:anonymous", List.of("system:unauthenticated"),
                "python-requests/2.32.3", "198.51.100.77");
        lines.add(2_501, new AuditRecord(anonymous, "list", "pods").query("limit=500")
                .event("ResponseComplete", at, 12, UUID.fromString("6f1c1b1e-8d2a-4c55-9a59-3d1f0f7d2a10")).toString());
        assertThat(BuiltinRuleRun.firedRuleIds("busy-cluster.jsonl", String.join("\n", lines) + "\n"))
                .containsExactly("audit-anonymous-api-access");
    }
}
