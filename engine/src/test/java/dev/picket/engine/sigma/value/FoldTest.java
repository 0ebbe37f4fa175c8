package dev.picket.engine.sigma.value;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FoldTest {

    @Test
    void foldAgreesWithCharacterToLowerCaseForEveryChar() {
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            assertThat(Fold.fold((char) c)).isEqualTo(Character.toLowerCase((char) c));
        }
    }

    @Test
    void containsIgnoringCase() {
        assertThat(Fold.indexOf("Run /BIN/SH now", "/bin/sh", 0, false)).isEqualTo(4);
        assertThat(Fold.indexOf("Run /BIN/SH now", "/bin/sh", 0, true)).isEqualTo(-1);
        assertThat(Fold.indexOf("abc", "", 0, false)).isZero();
        assertThat(Fold.indexOf("ab", "abc", 0, false)).isEqualTo(-1);
    }

    @Test
    void hashesAgreeForTextsThatFoldAlike() {
        assertThat(Fold.hash("xSECRETSx", 1, 8)).isEqualTo(Fold.hash("secrets", 0, 7));
    }

    @Test
    void findsAFoldedPatternStartingWithPunctuationAtEveryOccurrence() {
        assertThat(Fold.indexOf("curl -o /TMP/x; wget -O- /Tmp/Payload", "/tmp/payload", 0, false)).isEqualTo(25);
        assertThat(Fold.indexOf("/tm /tmp", "/tmp", 0, false)).isEqualTo(4);
        assertThat(Fold.indexOf("/tm /tm", "/tmp", 0, false)).isEqualTo(-1);
        assertThat(Fold.indexOf("a-b", "-b", 2, false)).isEqualTo(-1);
    }

    @Test
    void lettersWithNonAsciiPartnersStillFold() {
        assertThat(Fold.indexOf("run \u212Aubectl", "kubectl", 0, false)).isEqualTo(4); // the Kelvin sign lowers to k
    }
}
