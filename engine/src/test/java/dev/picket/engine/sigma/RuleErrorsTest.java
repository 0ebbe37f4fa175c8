package dev.picket.engine.sigma;

import org.junit.jupiter.api.Test;

import static dev.picket.engine.testing.TestRules.errors;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad rules give FILE:LINE errors that say what is wrong; every error of every file is reported. */
class RuleErrorsTest {

    private static final String HEAD = """
            title: t
            logsource:
                product: test
            detection:
            """;

    @Test
    void unknownModifier() {
        assertThat(errors(HEAD + """
                    selection:
                        Image|endwith: /sh
                    condition: selection
                """)).containsExactly("test-1.yml:6: unknown modifier 'endwith'");
    }

    @Test
    void badCondition() {
        assertThat(errors(HEAD + """
                    selection:
                        Image: /sh
                    condition: selection and
                """)).singleElement().asString()
                .startsWith("test-1.yml:7: expected a search identifier, 'not', 'x of' or '(' at the end");
        assertThat(errors(HEAD + """
                    selection:
                        Image: /sh
                    condition: (selection
                """)).singleElement().asString().startsWith("test-1.yml:7: missing ')'");
    }

    @Test
    void unknownSearchIdentifier() {
        assertThat(errors(HEAD + """
                    selection:
                        Image: /sh
                    condition: selection and not filter
                """)).containsExactly(
                "test-1.yml:7: unknown search identifier 'filter' in condition (defined: selection)");
    }

    @Test
    void patternMatchingNothing() {
        assertThat(errors(HEAD + """
                    selection:
                        Image: /sh
                    condition: 1 of filter*
                """)).containsExactly("test-1.yml:7: '1 of filter*' matches no search identifier");
    }

    @Test
    void aggregationsAreNotSigmaV2() {
        assertThat(errors(HEAD + """
                    selection:
                        Image: /sh
                    condition: selection | count() > 5
                """)).singleElement().asString().startsWith("test-1.yml:7: aggregations after '|' are not Sigma v2");
    }

    @Test
    void missingRequiredFields() {
        assertThat(errors("""
                logsource:
                    product: test
                detection:
                    selection:
                        Image: /sh
                    condition: selection
                """)).containsExactly("test-1.yml:1: missing title");
        assertThat(errors("""
                title: t
                detection:
                    selection:
                        Image: /sh
                    condition: selection
                """)).containsExactly("test-1.yml:1: missing logsource");
        assertThat(errors("""
                title: t
                logsource:
                    product: test
                """)).containsExactly("test-1.yml:1: missing detection");
        assertThat(errors(HEAD + """
                    selection:
                        Image: /sh
                """)).containsExactly("test-1.yml:5: missing condition");
    }

    @Test
    void yamlSyntaxErrorsNameTheirLine() {
        assertThat(errors("""
                title: t
                logsource:
                    product: test
                detection:
                    selection:
                        Image: [unclosed
                    condition: selection
                """)).singleElement().asString().startsWith("test-1.yml:7: not valid YAML");
    }

    @Test
    void duplicateKeys() {
        assertThat(errors(HEAD + """
                    selection:
                        Image: /sh
                        Image: /bash
                    condition: selection
                """)).containsExactly("test-1.yml:7: duplicate key 'Image' (first at line 6)");
    }

    @Test
    void invalidValues() {
        assertThat(errors(HEAD + """
                    selection:
                        CommandLine|re: '(unclosed'
                    condition: selection
                """)).singleElement().asString().startsWith("test-1.yml:6: invalid regular expression");
        assertThat(errors(HEAD + """
                    selection:
                        DestinationIp|cidr: 10.0.0.0/33
                    condition: selection
                """)).containsExactly("test-1.yml:6: '10.0.0.0/33' has a prefix length outside 0..32");
        assertThat(errors(HEAD + """
                    selection:
                        Port|gt: high
                    condition: selection
                """)).containsExactly("test-1.yml:6: 'gt' takes a number, not 'high'");
        assertThat(errors(HEAD + """
                    selection:
                        Image|exists: yes please
                    condition: selection
                """)).containsExactly("test-1.yml:6: 'exists' takes true or false");
    }

    @Test
    void nullCannotBeInAList() {
        assertThat(errors(HEAD + """
                    selection:
                        User:
                            - ''
                            - null
                    condition: selection
                """)).containsExactly(
                "test-1.yml:8: null cannot be part of a list of values; use its own selection");
    }

    @Test
    void allNeedsSeveralValues() {
        assertThat(errors(HEAD + """
                    selection:
                        CommandLine|contains|all: x
                    condition: selection
                """)).containsExactly("test-1.yml:6: 'all' needs a list of at least two values");
    }

    @Test
    void incompatibleModifiers() {
        assertThat(errors(HEAD + """
                    selection:
                        CommandLine|re|contains: x
                    condition: selection
                """)).containsExactly("test-1.yml:6: 're' cannot be combined with 'contains'");
        assertThat(errors(HEAD + """
                    selection:
                        CommandLine|i: x
                    condition: selection
                """)).containsExactly("test-1.yml:6: 'i' is a sub-modifier of 're' and must follow it");
        assertThat(errors(HEAD + """
                    selection:
                        CommandLine|contains|base64: 'a*b'
                    condition: selection
                """)).singleElement().asString().startsWith("test-1.yml:6: base64 cannot encode wildcards");
    }

    @Test
    void unknownLevel() {
        assertThat(errors("""
                title: t
                level: severe
                logsource:
                    product: test
                detection:
                    selection:
                        Image: /sh
                    condition: selection
                """)).singleElement().asString().startsWith("test-1.yml:2: unknown level 'severe'");
    }

    @Test
    void everyErrorOfEveryFileAndDocument() {
        String bad = HEAD + """
                    selection:
                        Image|nope: /sh
                    condition: selection
                ---
                """ + HEAD + """
                    selection:
                        Image: /sh
                    condition: other
                """;
        assertThat(errors(bad, "title: [")).containsExactly(
                "test-1.yml:6: unknown modifier 'nope'",
                "test-1.yml:15: unknown search identifier 'other' in condition (defined: selection)",
                "test-2.yml:1: not valid YAML: " + errors("title: [").get(0).substring("test-1.yml:1: not valid YAML: ".length()));
    }

    @Test
    void idsAndNamesAreUnique() {
        String rule = HEAD.replace("title: t", "title: t\nname: same") + """
                    selection:
                        Image: /sh
                    condition: selection
                """;
        assertThat(errors(rule, rule)).containsExactly("test-2.yml:1: rule id or name 'same' is already used by test-1.yml:1");
    }

    @Test
    void aDocumentMustBeAMap() {
        assertThat(errors("- a\n- b\n")).containsExactly("test-1.yml:1: a Sigma document must be a map, not a list");
    }

    @Test
    void themNeedsASearchIdentifierNotStartingWithUnderscore() {
        assertThat(errors(HEAD + """
                    _hidden:
                        Image: /sh
                    condition: 1 of them
                """)).containsExactly("test-1.yml:7: '1 of them' matches no search identifier");
    }

    @Test
    void errorsInsideFiltersNameTheirLines() {
        String rule = HEAD.replace("title: t", "title: t\nname: r") + """
                    selection:
                        Image: /sh
                    condition: selection
                """;
        assertThat(errors(rule, """
                title: f
                logsource:
                    product: test
                filter:
                    rules: [r]
                    selection:
                        User|startwith: adm_
                    condition: selection and not other
                """)).containsExactly(
                "test-2.yml:7: unknown modifier 'startwith'",
                "test-2.yml:8: unknown search identifier 'other' in condition (defined: selection)");
    }

    @Test
    void valuesMustBeScalars() {
        assertThat(errors(HEAD + """
                    selection:
                        Image:
                            path: /sh
                    condition: selection
                """)).containsExactly("test-1.yml:7: a field's value must be a value or a list of values, not a map");
        assertThat(errors(HEAD + """
                    selection:
                        Image: []
                    condition: selection
                """)).containsExactly("test-1.yml:6: empty list of values");
    }

    @Test
    void aBrokenRuleIsReportedOnceNotAgainByWhatRefersToIt() {
        String broken = HEAD.replace("title: t", "title: t\nname: broken") + """
                    selection:
                        Image|bad: /sh
                    condition: selection
                """;
        String filter = """
                title: f
                logsource:
                    product: test
                filter:
                    rules: broken
                    selection:
                        User: root
                    condition: selection
                """;
        String correlation = """
                title: c
                correlation:
                    type: event_count
                    rules: broken
                    group-by: User
                    timespan: 1m
                    condition:
                        gte: 2
                """;
        assertThat(errors(broken, filter, correlation)).containsExactly("test-1.yml:7: unknown modifier 'bad'");
    }

    @Test
    void timeframeBelongsToCorrelations() {
        assertThat(errors(HEAD + """
                    selection:
                        Image: /sh
                    timeframe: 5m
                    condition: selection
                """)).containsExactly("test-1.yml:7: timeframe is not part of Sigma v2 detections; write a correlation rule");
    }
}
