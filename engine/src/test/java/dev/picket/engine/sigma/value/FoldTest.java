package dev.picket.engine.sigma.value;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FoldTest {

    @Test
    void findsAFoldedPatternStartingWithPunctuationAtEveryOccurrence() {
        assertThat(Fold.indexOf("curl -o /TMP/x; wget -O- /Tmp/Payload", "/tmp/payload", 0, false)).isEqualTo(25);
        assertThat(Fold.indexOf("/tm /tmp", "/tmp", 0, false)).isEqualTo(4);
        assertThat(Fold.indexOf("/tm /tm", "/tmp", 0, false)).isEqualTo(-1);
        assertThat(Fold.indexOf("a-b", "-b", 2, false)).isEqualTo(-1);
    }

    @Test
    void lettersFoldAsCharacterToLowerCaseFoldsThem() {
        assertThat(Fold.indexOf("run \u212Aubectl", "kubectl", 0, false)).isEqualTo(4); // the Kelvin sign lowers to k
        assertThat(Fold.indexOf("XMRIG --donate", "xmrig", 0, false)).isZero();
        assertThat(Fold.indexOf("XMRIG", "xmrig", 0, true)).isEqualTo(-1);
        assertThat(Fold.hash("AbC", 0, 3)).isEqualTo(Fold.hash("abc", 0, 3));
    }
}
