package dev.picket.engine.sigma;

import org.junit.jupiter.api.Test;

import static dev.picket.engine.sigma.Sigma.matches;
import static org.assertj.core.api.Assertions.assertThat;

/** Rules specification, "Condition": every form, and operator precedence. */
class ConditionTest {

    /** Selections a, b, c, d each test one field for 'y'. */
    private static String with(String condition) {
        return """
                a:
                    A: y
                b:
                    B: y
                c:
                    C: y
                _d:
                    D: y
                condition: %s
                """.formatted(condition);
    }

    /** An event whose fields named by the letters are 'y'. */
    private static String set(String letters) {
        StringBuilder b = new StringBuilder("{");
        for (char c : letters.toCharArray()) b.append('\'').append(Character.toUpperCase(c)).append("': 'y',");
        return b.append("'Z': 'z'}").toString();
    }

    @Test
    void and() {
        assertThat(matches(with("a and b"), set("ab"))).isTrue();
        assertThat(matches(with("a and b"), set("a"))).isFalse();
    }

    @Test
    void or() {
        assertThat(matches(with("a or b"), set("b"))).isTrue();
        assertThat(matches(with("a or b"), set("c"))).isFalse();
    }

    @Test
    void not() {
        assertThat(matches(with("a and not b"), set("a"))).isTrue();
        assertThat(matches(with("a and not b"), set("ab"))).isFalse();
        assertThat(matches(with("not not a"), set("a"))).isTrue();
    }

    @Test
    void andBindsTighterThanOr() {
        // a or (b and c)
        assertThat(matches(with("a or b and c"), set("a"))).isTrue();
        assertThat(matches(with("a or b and c"), set("b"))).isFalse();
        assertThat(matches(with("b and c or a"), set("a"))).isTrue();
    }

    @Test
    void notBindsTighterThanAnd() {
        // (not a) and b
        assertThat(matches(with("not a and b"), set("b"))).isTrue();
        assertThat(matches(with("not a and b"), set(""))).isFalse();
    }

    @Test
    void parenthesesOverridePrecedence() {
        assertThat(matches(with("(a or b) and c"), set("a"))).isFalse();
        assertThat(matches(with("(a or b) and c"), set("ac"))).isTrue();
        assertThat(matches(with("not (a or b)"), set("c"))).isTrue();
        assertThat(matches(with("not (a or b)"), set("b"))).isFalse();
    }

    @Test
    void oneOfPattern() {
        String d = """
                selection_img:
                    Image: /bin/nc
                selection_cmd:
                    CommandLine|contains: '-e'
                filter:
                    User: root
                condition: 1 of selection_* and not filter
                """;
        assertThat(matches(d, "{'Image': '/bin/nc', 'User': 'bob'}")).isTrue();
        assertThat(matches(d, "{'CommandLine': 'x -e y', 'User': 'bob'}")).isTrue();
        assertThat(matches(d, "{'CommandLine': 'x -e y', 'User': 'root'}")).isFalse();
        assertThat(matches(d, "{'Image': '/bin/ls', 'User': 'bob'}")).isFalse();
    }

    @Test
    void anyOfIsOneOf() {
        assertThat(matches(with("any of a*"), set("a"))).isTrue();
        assertThat(matches(with("any of b*"), set("a"))).isFalse();
    }

    @Test
    void allOfPattern() {
        String d = """
                sel_1:
                    A: y
                sel_2:
                    B: y
                other:
                    C: y
                condition: all of sel_*
                """;
        assertThat(matches(d, set("ab"))).isTrue();
        assertThat(matches(d, set("ac"))).isFalse();
    }

    @Test
    void patternWildcardsAnywhere() {
        String d = """
                net_sel:
                    A: y
                proc_sel:
                    B: y
                condition: all of *_sel
                """;
        assertThat(matches(d, set("ab"))).isTrue();
        assertThat(matches(d, set("b"))).isFalse();
    }

    @Test
    void oneOfThemLeavesOutUnderscoreIdentifiers() {
        assertThat(matches(with("1 of them"), set("c"))).isTrue();
        assertThat(matches(with("1 of them"), set("d"))).isFalse();
    }

    @Test
    void allOfThemLeavesOutUnderscoreIdentifiers() {
        assertThat(matches(with("all of them"), set("abc"))).isTrue();
        assertThat(matches(with("all of them"), set("ab"))).isFalse();
    }

    @Test
    void underscoreIdentifiersCanBeNamedDirectly() {
        assertThat(matches(with("_d"), set("d"))).isTrue();
        assertThat(matches(with("1 of _*"), set("d"))).isTrue();
    }

    @Test
    void quantifiersBindTighterThanNot() {
        // not (1 of a*) and b
        assertThat(matches(with("not 1 of a* and b"), set("b"))).isTrue();
        assertThat(matches(with("not 1 of a* and b"), set("ab"))).isFalse();
    }

    @Test
    void aListOfConditionsIsOred() {
        String d = """
                a:
                    A: y
                b:
                    B: y
                condition:
                    - a
                    - b
                """;
        assertThat(matches(d, set("b"))).isTrue();
        assertThat(matches(d, set("c"))).isFalse();
    }

    @Test
    void keywordsOfConditionsIgnoreCase() {
        assertThat(matches(with("a AND NOT b"), set("a"))).isTrue();
        assertThat(matches(with("ALL OF THEM"), set("abc"))).isTrue();
    }
}
