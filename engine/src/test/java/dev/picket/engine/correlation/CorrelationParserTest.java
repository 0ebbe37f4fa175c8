package dev.picket.engine.correlation;

import dev.picket.engine.rule.RuleError;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationParserTest {

    private static final String BASE = """
            title: Base
            name: base
            ---
            title: Other
            id: 5638f7c0-ac70-491d-8465-2a65075e0d86
            ---
            """;

    private static String correlation(String body) {
        return BASE + "title: Correlation\nname: corr\ncorrelation:\n" + body.indent(4);
    }

    @Test
    void readsEveryPartOfAValidRule() throws Exception {
        String yaml = correlation("""
                type: value_count
                rules: [base, 5638f7c0-ac70-491d-8465-2a65075e0d86]
                group-by: [ip]
                timespan: 90m
                condition:
                    field: User
                    gte: 100
                aliases:
                    ip:
                        base: source.ip
                        5638f7c0-ac70-491d-8465-2a65075e0d86: destination.ip
                """) + "generate: true\n";
        Correlation rule = Fixture.compile(Fixture.parse(yaml)).rules().getFirst();

        assertThat(rule.type()).isEqualTo(CorrelationType.VALUE_COUNT);
        assertThat(rule.rules()).extracting(r -> r.title()).containsExactly("Base", "Other");
        assertThat(rule.timespan()).isEqualTo(Duration.ofMinutes(90));
        assertThat(rule.fields()).containsExactly("User");
        assertThat(rule.generate()).isTrue();
        assertThat(rule.field("ip", 0)).isEqualTo("source.ip");
        assertThat(rule.field("ip", 1)).isEqualTo("destination.ip");
        assertThat(rule.field("User", 1)).isEqualTo("User");
        assertThat(rule.condition().test(100)).isTrue();
        assertThat(rule.condition().test(99)).isFalse();
    }

    @Test
    void everySpecificationExampleLoads() throws Exception {
        for (String type : List.of("event_count", "value_count", "temporal", "temporal_ordered", "value_sum",
                "value_avg", "value_percentile")) {
            String body = """
                    type: %s
                    rules: [base]
                    group-by: [ComputerName]
                    timespan: 1h
                    """.formatted(type);
            if (!type.startsWith("temporal")) body += "condition:\n    " + (type.equals("event_count") ? "" : "field: f\n    ") + "gte: 3\n";
            assertThat(Fixture.compile(Fixture.parse(correlation(body))).rules()).hasSize(1);
        }
    }

    @Test
    void anUnknownReferenceIsAnErrorAtTheRulesLine() {
        assertThat(Fixture.errors(correlation("""
                type: event_count
                rules: [nothing_here]
                timespan: 1h
                condition: {gte: 3}
                """))).containsExactly("rules.yml:7: correlation.rules: no rule has the name or id 'nothing_here'");
    }

    @Test
    void badTimespansAreErrors() {
        for (String span : List.of("5x", "m", "0m", "-5m", "5M", "1.5h")) {
            assertThat(Fixture.errors(correlation("""
                    type: event_count
                    rules: [base]
                    timespan: '%s'
                    condition: {gte: 3}
                    """.formatted(span)))).singleElement().asString()
                    .contains("correlation.timespan: '" + span + "' is not a positive number followed by s, m, h or d");
        }
    }

    @Test
    void missingPartsAreNamed() {
        assertThat(Fixture.errors(correlation("""
                rules: [base]
                """))).singleElement().asString().contains("correlation.type: missing");
        assertThat(Fixture.errors(correlation("""
                type: event_count
                rules: [base]
                timespan: 1h
                """))).singleElement().asString().contains("correlation.condition: missing");
        assertThat(Fixture.errors(correlation("""
                type: value_sum
                rules: [base]
                timespan: 1h
                condition: {gt: 3}
                """))).singleElement().asString().contains("correlation.condition.field: missing");
        assertThat(Fixture.errors(correlation("""
                type: event_count
                timespan: 1h
                condition: {gt: 3}
                """))).singleElement().asString().contains("correlation.rules: missing");
    }

    @Test
    void wrongShapesAreErrors() {
        assertThat(Fixture.errors(correlation("""
                type: event_counts
                rules: [base]
                timespan: 1h
                condition: {gte: 3}
                """))).containsExactly("rules.yml:7: correlation.type: unknown type 'event_counts'");
        assertThat(Fixture.errors(correlation("""
                type: event_count
                rules: [base]
                timespan: 1h
                condition: {more: 3, gte: three}
                """))).containsExactly(
                "rules.yml:7: correlation.condition.more: unknown operator (expected gt, gte, lt, lte, eq, neq or field)",
                "rules.yml:7: correlation.condition.gte: must be a number");
        assertThat(Fixture.errors(correlation("""
                type: event_count
                rules: [base]
                timespan: 1h
                groupby: [User]
                condition: {gte: 3}
                """))).singleElement().asString().contains("correlation.groupby: unknown key");
        assertThat(Fixture.errors(correlation("""
                type: value_sum
                rules: [base]
                timespan: 1h
                condition: {gt: 3, field: [a, b]}
                """))).singleElement().asString().contains("value_sum aggregates one field");
    }

    @Test
    void anAliasMustNameAReferencedRule() {
        assertThat(Fixture.errors(correlation("""
                type: temporal
                rules: [base]
                group-by: [ip]
                timespan: 1h
                aliases:
                    ip:
                        elsewhere: source.ip
                """))).containsExactly("rules.yml:7: correlation.aliases.ip.elsewhere: names no rule this correlation refers to");
    }

    @Test
    void aChainThatLeadsBackIsAnError() {
        String yaml = """
                title: A
                name: a
                correlation: {type: event_count, rules: [b], timespan: 1h, condition: {gte: 1}}
                ---
                title: B
                name: b
                correlation: {type: event_count, rules: [a], timespan: 1h, condition: {gte: 1}}
                """;
        assertThat(Fixture.errors(yaml)).containsExactly(
                "rules.yml:1: correlation.rules: the chain of correlations leads back to this rule",
                "rules.yml:5: correlation.rules: the chain of correlations leads back to this rule");
    }

    @Test
    void theRestStillLoadsWhenOneRuleIsBad() {
        String yaml = correlation("""
                type: event_count
                rules: [base]
                timespan: 1h
                condition: {gte: 3}
                """) + """
                ---
                title: Broken
                correlation: {type: event_count, rules: [base], timespan: soon, condition: {gte: 3}}
                """;
        List<RuleError> errors = new ArrayList<>();
        Correlations loaded = Correlations.compile(Fixture.parse(yaml), KeyLines.RULE_LINE, errors);

        assertThat(errors).hasSize(1);
        assertThat(loaded.rules()).extracting(r -> r.info().ruleId()).containsExactly("corr");
    }

    @Test
    void newTermsNeedsFieldsAndALearningPeriod() {
        assertThat(Fixture.errors(correlation("""
                type: new_terms
                rules: [base]
                timespan: 1h
                """))).containsExactly(
                "rules.yml:7: correlation.timespan: does not apply to new_terms",
                "rules.yml:7: correlation.fields: missing",
                "rules.yml:7: correlation.learning: missing: a number followed by s, m, h or d (e.g. 90m)");
        assertThat(Fixture.errors(correlation("""
                type: event_count
                rules: [base]
                timespan: 1h
                learning: 1d
                condition: {gte: 3}
                """))).containsExactly("rules.yml:7: correlation.learning: applies only to new_terms");
    }
}
