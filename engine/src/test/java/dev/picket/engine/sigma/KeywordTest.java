package dev.picket.engine.sigma;

import org.junit.jupiter.api.Test;

import static dev.picket.engine.sigma.Sigma.matches;
import static org.assertj.core.api.Assertions.assertThat;

/** Rules specification, "Keywords search": values without a field search the whole event. */
class KeywordTest {

    private static final String EVENT = """
            {'CommandLine': 'mimikatz event::clear', 'nested': {'list': ['a', 'EVILSERVICE started']}, 'n': 42}""";

    @Test
    void aListOfKeywordsMatchesAnyStringValueAnywhere() {
        String d = """
                keywords:
                    - 'evilservice'
                    - 'svchost.exe -n evil'
                condition: keywords
                """;
        assertThat(matches(d, EVENT)).isTrue();
        assertThat(matches(d, "{'CommandLine': 'svchost.exe'}")).isFalse();
    }

    @Test
    void keywordsAreFoundWithinStrings() {
        String d = """
                keywords:
                    - 'event::clear'
                condition: keywords
                """;
        assertThat(matches(d, EVENT)).isTrue();
        assertThat(matches(d, "{'CommandLine': 'event::drop'}")).isFalse();
    }

    @Test
    void allKeywordsMayMatchDifferentValues() {
        String d = """
                keywords:
                    '|all':
                        - 'mimikatz'
                        - 'evilservice'
                condition: keywords
                """;
        assertThat(matches(d, EVENT)).isTrue();
        assertThat(matches(d, "{'CommandLine': 'mimikatz'}")).isFalse();
    }

    @Test
    void keywordsTakeWildcards() {
        String d = """
                keywords:
                    - 'event::c*r'
                condition: keywords
                """;
        assertThat(matches(d, EVENT)).isTrue();
        assertThat(matches(d, "{'x': 'event::drop'}")).isFalse();
    }

    @Test
    void aSingleKeywordValue() {
        String d = """
                keywords: 'mimikatz'
                condition: keywords
                """;
        assertThat(matches(d, EVENT)).isTrue();
        assertThat(matches(d, "{'x': 'mimi'}")).isFalse();
    }

    @Test
    void keywordsSearchOnlyStrings() {
        String d = """
                keywords:
                    - '42'
                condition: keywords
                """;
        assertThat(matches(d, EVENT)).isFalse();
        assertThat(matches(d, "{'x': 'pid 42'}")).isTrue();
    }

    @Test
    void keywordsCombineWithFieldSelections() {
        String d = """
                selection:
                    n: 42
                keywords:
                    - 'mimikatz'
                condition: selection and keywords
                """;
        assertThat(matches(d, EVENT)).isTrue();
        assertThat(matches(d, "{'n': 42, 'x': 'nothing'}")).isFalse();
    }
}
