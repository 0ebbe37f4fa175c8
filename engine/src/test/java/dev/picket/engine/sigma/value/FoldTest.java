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
}
