package dev.picket.engine.sigma;

import org.junit.jupiter.api.Test;

import static dev.picket.engine.sigma.Sigma.matches;
import static org.assertj.core.api.Assertions.assertThat;

/** Rules specification, "String Wildcard" and "Escape Character". */
class WildcardTest {

    private static String value(String yamlValue) {
        return """
                selection:
                    Value: %s
                condition: selection
                """.formatted(yamlValue);
    }

    private static boolean matches(String yamlValue, String eventValue) {
        return Sigma.matches(value(yamlValue), "{'Value': " + com.fasterxml.jackson.databind.node.TextNode.valueOf(eventValue) + "}");
    }

    @Test
    void starMatchesAnyRunIncludingNone() {
        assertThat(matches("'antivirus_V*.exe'", "antivirus_V21.2.1.exe")).isTrue();
        assertThat(matches("'antivirus_V*.exe'", "antivirus_V.exe")).isTrue();
        assertThat(matches("'antivirus_V*.exe'", "antivirus_V1.exe.bak")).isFalse();
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        assertThat(matches("'prog?.exe'", "progA.exe")).isTrue();
        assertThat(matches("'prog?.exe'", "prog.exe")).isFalse();
        assertThat(matches("'prog?.exe'", "progAB.exe")).isFalse();
    }

    @Test
    void severalWildcardsAnywhere() {
        assertThat(matches("'*/tmp/*.sh'", "/bin/bash /tmp/x.sh")).isTrue();
        assertThat(matches("'*/tmp/*.sh'", "/bin/bash /tmp/x.py")).isFalse();
        assertThat(matches("'a*b?c*d'", "aXXbYcZZd")).isTrue();
        assertThat(matches("'a*b?c*d'", "aXXbcZZd")).isFalse();
        assertThat(matches("'*'", "")).isTrue();
    }

    @Test
    void wildcardsIgnoreCase() {
        assertThat(matches("'*WHOAMI*'", "/usr/bin/whoami -a")).isTrue();
    }

    @Test
    void escapedWildcardsAreLiteral() {
        assertThat(matches("'a\\*b'", "a*b")).isTrue();
        assertThat(matches("'a\\*b'", "axb")).isFalse();
        assertThat(matches("'a\\?b'", "a?b")).isTrue();
        assertThat(matches("'a\\?b'", "axb")).isFalse();
    }

    @Test
    void plainBackslashIsOneOrTwoBackslashes() {
        assertThat(matches("'C:\\Windows'", "C:\\Windows")).isTrue();
        assertThat(matches("'C:\\\\Windows'", "C:\\Windows")).isTrue();
    }

    @Test
    void escapedBackslashBeforeAWildcardKeepsTheWildcard() {
        assertThat(matches("'dir\\\\*'", "dir\\anything")).isTrue();
        assertThat(matches("'dir\\\\*'", "dir*")).isFalse();
    }

    @Test
    void threeBackslashesEscapeBothBackslashAndWildcard() {
        assertThat(matches("'dir\\\\\\*'", "dir\\*")).isTrue();
        assertThat(matches("'dir\\\\\\*'", "dir\\x")).isFalse();
    }

    @Test
    void fourBackslashesAreTwoPlainBackslashes() {
        assertThat(matches("'a\\\\\\\\b'", "a\\\\b")).isTrue();
        assertThat(matches("'a\\\\\\\\b'", "a\\b")).isFalse();
    }
}
