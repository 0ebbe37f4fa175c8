package dev.picket.engine.sigma.value;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Plain shapes get plain string comparisons; only mixed shapes use the segment matcher. */
class StringMatcherTest {

    private static StringMatcher of(String raw) {
        return StringMatcher.of(SigmaString.parse(raw), false);
    }

    @Test
    void shapesAreRecognised() {
        assertThat(of("abc").kind()).isEqualTo(StringMatcher.Kind.EXACT);
        assertThat(of("abc*").kind()).isEqualTo(StringMatcher.Kind.PREFIX);
        assertThat(of("*abc").kind()).isEqualTo(StringMatcher.Kind.SUFFIX);
        assertThat(of("*abc*").kind()).isEqualTo(StringMatcher.Kind.CONTAINS);
        assertThat(of("a*c").kind()).isEqualTo(StringMatcher.Kind.GLOB);
        assertThat(of("a?c").kind()).isEqualTo(StringMatcher.Kind.GLOB);
        assertThat(of("a\\*c").kind()).isEqualTo(StringMatcher.Kind.EXACT);
        assertThat(of("").kind()).isEqualTo(StringMatcher.Kind.EXACT);
    }

    @Test
    void literalsAreFoldedOnceUnlessCased() {
        assertThat(of("*/BIN/Sh").literal()).isEqualTo("/bin/sh");
        assertThat(StringMatcher.of(SigmaString.parse("*/BIN/Sh"), true).literal()).isEqualTo("/BIN/Sh");
    }

    @Test
    void emptyPatterns() {
        assertThat(of("").matches("")).isTrue();
        assertThat(of("").matches("x")).isFalse();
        assertThat(of("*").matches("")).isTrue();
        assertThat(of("**").matches("anything")).isTrue();
    }

    @Test
    void globPartsArePlacedLeftmost() {
        StringMatcher m = of("*a*b*a");
        assertThat(m.matches("xaxbxa")).isTrue();
        assertThat(m.matches("aba")).isTrue();
        assertThat(m.matches("ab")).isFalse();
        assertThat(of("a*a").matches("a")).isFalse();
        assertThat(of("a*a").matches("aa")).isTrue();
        assertThat(of("?").matches("")).isFalse();
        assertThat(of("*?").matches("x")).isTrue();
        assertThat(of("??*").matches("x")).isFalse();
    }

    @Test
    void caseFoldingCoversNonAscii() {
        assertThat(of("ÄRGER").matches("ärger")).isTrue();
        assertThat(of("*STRASSE*").matches("hauptstrasse 1")).isTrue();
    }
}
