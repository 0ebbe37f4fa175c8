package dev.picket.server.admission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.engine.alert.AlertFactory;
import dev.picket.engine.rule.Severity;
import dev.picket.engine.sigma.RuleSet;
import dev.picket.posture.PostureEvaluator;
import dev.picket.rules.BuiltinRules;
import dev.picket.rules.RuleSources;
import dev.picket.server.config.ConfigException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.picket.server.admission.Reviews.CLEAN;
import static dev.picket.server.admission.Reviews.PRIVILEGED_TEMPLATE;
import static dev.picket.server.admission.Reviews.review;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdmissionReviewerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
    private static RuleSet builtin;

    @TempDir
    Path dir;

    @BeforeAll
    static void rules() throws Exception {
        builtin = new RuleSources(BuiltinRules.load()).addBuiltin().build();
    }

    private static AdmissionPolicy policy(Mode mode, Severity severity) {
        return new AdmissionPolicy(AdmissionPolicy.DEFAULT_EXEMPT,
                List.of(new AdmissionPolicy.Scope(List.of("shop", "prod-*"), Map.of(), mode, severity)),
                new AdmissionPolicy.Scope(List.of(), Map.of(), Mode.AUDIT, Severity.HIGH), List.of());
    }

    private static AdmissionReviewer reviewer(RuleSet rules, AdmissionPolicy policy) {
        return new AdmissionReviewer(new PostureEvaluator(rules, new AlertFactory("prod-eu")), policy, CLOCK);
    }

    private static JsonNode response(AdmissionReviewer.Verdict v) {
        return v.response().path("response");
    }

    @Test
    void enforce_denies_a_deployment_whose_template_alone_is_privileged_naming_rule_field_and_remedy() {
        AdmissionReviewer.Verdict v = reviewer(builtin, policy(Mode.ENFORCE, Severity.MEDIUM))
                .review(review("u-1", "shop", PRIVILEGED_TEMPLATE, false));
        assertThat(v.allowed()).isFalse();
        assertThat(v.response().path("apiVersion").asText()).isEqualTo("admission.k8s.io/v1");
        assertThat(response(v).path("uid").asText()).isEqualTo("u-1");
        assertThat(response(v).path("allowed").asBoolean(true)).isFalse();
        assertThat(response(v).at("/status/code").asInt()).isEqualTo(403);
        assertThat(response(v).at("/status/message").asText())
                .contains("audit-privileged-container (medium)", "container tuner",
                        "spec.template.spec.containers[0].securityContext.privileged", "Find who created the workload");
        assertThat(v.alerts()).singleElement().satisfies(a -> {
            assertThat(a.at("/rule/id").asText()).isEqualTo("audit-privileged-container");
            assertThat(a.at("/admission/decision").asText()).isEqualTo("denied");
            assertThat(a.at("/entity/user").asText()).isEqualTo("alice@example.com");
            assertThat(a.at("/finding/object/name").asText()).isEqualTo("node-tuner");
        });
    }

    @Test
    void enforce_allows_findings_below_its_severity_and_clean_objects() {
        assertThat(reviewer(builtin, policy(Mode.ENFORCE, Severity.HIGH)).review(review("u-2", "shop", PRIVILEGED_TEMPLATE, false)).allowed()).isTrue();
        AdmissionReviewer.Verdict clean = reviewer(builtin, policy(Mode.ENFORCE, Severity.INFORMATIONAL)).review(review("u-3", "prod-eu", CLEAN, false));
        assertThat(clean.allowed()).isTrue();
        assertThat(response(clean).has("warnings")).isFalse();
        assertThat(clean.alerts()).isEmpty();
    }

    @Test
    void warn_allows_with_a_warning_per_finding_and_records_it() {
        AdmissionReviewer.Verdict v = reviewer(builtin, policy(Mode.WARN, Severity.MEDIUM)).review(review("u-4", "prod-eu", PRIVILEGED_TEMPLATE, false));
        assertThat(v.allowed()).isTrue();
        assertThat(response(v).path("warnings")).singleElement().extracting(JsonNode::asText).asString()
                .startsWith("picket: audit-privileged-container (medium) at spec.template.spec.containers[0]")
                .hasSizeLessThanOrEqualTo(120);
        assertThat(v.alerts()).extracting(a -> a.at("/admission/decision").asText()).containsExactly("warned");
    }

    @Test
    void audit_allows_silently_and_records_the_finding() {
        AdmissionReviewer.Verdict v = reviewer(builtin, policy(Mode.AUDIT, Severity.MEDIUM)).review(review("u-5", "shop", PRIVILEGED_TEMPLATE, false));
        assertThat(v.allowed()).isTrue();
        assertThat(response(v).has("warnings")).isFalse();
        assertThat(v.alerts()).extracting(a -> a.at("/admission/decision").asText()).containsExactly("audited");
    }

    @Test
    void a_dry_run_is_judged_but_not_recorded() {
        AdmissionReviewer.Verdict v = reviewer(builtin, policy(Mode.ENFORCE, Severity.MEDIUM)).review(review("u-6", "shop", PRIVILEGED_TEMPLATE, true));
        assertThat(v.allowed()).isFalse();
        assertThat(v.alerts()).isEmpty();
    }

    @Test
    void exempt_namespaces_are_not_judged_and_an_exemption_annotation_does_not_exempt_at_admission() {
        AdmissionReviewer enforce = reviewer(builtin, policy(Mode.ENFORCE, Severity.MEDIUM));
        assertThat(enforce.review(review("u-7", "kube-system", PRIVILEGED_TEMPLATE, false)).allowed()).isTrue();
        assertThat(enforce.review(review("u-8", "picket", PRIVILEGED_TEMPLATE, false)).allowed()).isTrue();
        String selfExempted = PRIVILEGED_TEMPLATE.replace("labels: {app: node-tuner, team: platform}",
                "labels: {app: node-tuner}\n  annotations: {exempt.posture.picket.dev/audit-privileged-container: trust me}");
        assertThat(enforce.review(review("u-9", "shop", selfExempted, false)).allowed()).isFalse();
    }

    @Test
    void a_sigma_filter_exempts_a_rule_for_the_workloads_it_selects() throws Exception {
        RuleSources sources = new RuleSources(BuiltinRules.load()).addBuiltin();
        Path filter = Files.writeString(dir.resolve("platform-tuner.yml"), """
                title: Node tuner of the platform team may run privileged
                id: 0b0d6a0e-51a4-4b7e-9c2b-8f6f3f0f7a11
                logsource: {product: kubernetes, service: audit}
                filter:
                  rules: [audit-privileged-container]
                  selection:
                    annotations.posture.picket.dev/evaluation: admission
                    objectRef.namespace: shop
                    requestObject.metadata.labels.team: platform
                  condition: selection
                """);
        RuleSet withFilter = sources.addFiles(List.of(filter)).build();
        AdmissionReviewer enforce = reviewer(withFilter, policy(Mode.ENFORCE, Severity.MEDIUM));
        assertThat(enforce.review(review("u-10", "shop", PRIVILEGED_TEMPLATE, false)).allowed()).isTrue();
        String otherTeam = PRIVILEGED_TEMPLATE.replace("team: platform", "team: web");
        assertThat(enforce.review(review("u-11", "shop", otherTeam, false)).allowed()).isFalse();
    }

    @Test
    void scopes_select_by_namespace_prefix_and_object_labels_first_match_wins() {
        AdmissionPolicy p = new AdmissionPolicy(Set.of(), List.of(
                new AdmissionPolicy.Scope(List.of("prod-*"), Map.of("team", "platform"), Mode.WARN, Severity.LOW),
                new AdmissionPolicy.Scope(List.of("prod-*"), Map.of(), Mode.ENFORCE, Severity.MEDIUM)),
                new AdmissionPolicy.Scope(List.of(), Map.of(), Mode.AUDIT, Severity.HIGH), List.of());
        assertThat(p.scope("prod-eu", Map.of("team", "platform")).mode()).isEqualTo(Mode.WARN);
        assertThat(p.scope("prod-eu", Map.of("team", "web")).mode()).isEqualTo(Mode.ENFORCE);
        assertThat(p.scope("production", Map.of()).mode()).isEqualTo(Mode.AUDIT);
    }

    @Test
    void a_policy_file_loads_and_mistakes_are_named() throws Exception {
        Path file = Files.writeString(dir.resolve("admission.yaml"), """
                defaults: {mode: warn, severity: medium}
                scopes:
                  - namespaces: [prod-*]
                    mode: enforce
                    severity: high
                exemptions: [exemptions/platform.yml]
                """);
        AdmissionPolicy p = AdmissionPolicy.load(file);
        assertThat(p.exemptNamespaces()).isEqualTo(AdmissionPolicy.DEFAULT_EXEMPT);
        assertThat(p.scope("prod-1", Map.of())).extracting(AdmissionPolicy.Scope::mode, AdmissionPolicy.Scope::severity)
                .containsExactly(Mode.ENFORCE, Severity.HIGH);
        assertThat(p.scope("dev", Map.of()).mode()).isEqualTo(Mode.WARN);
        assertThat(p.exemptions()).containsExactly(dir.resolve("exemptions/platform.yml").toAbsolutePath());

        Files.writeString(file, "scopes:\n  - namespaces: [x]\n    mode: block\n");
        assertThatThrownBy(() -> AdmissionPolicy.load(file)).isInstanceOf(ConfigException.class).hasMessageContaining("unknown mode 'block'");
        Files.writeString(file, "scope: []\n");
        assertThatThrownBy(() -> AdmissionPolicy.load(file)).isInstanceOf(ConfigException.class).hasMessageContaining(file + ":1");
    }

    @Test
    void a_body_that_is_not_an_admission_review_is_rejected() {
        AdmissionReviewer r = reviewer(builtin, AdmissionPolicy.defaults());
        assertThatThrownBy(() -> r.review(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("kind", "Event")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
