package dev.picket.engine.sigma.value;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigmaValueTest {

    private static List<String> apply(String raw, Modifier m) {
        return SigmaValue.of(SigmaString.parse(raw)).apply(m).stream().map(v -> v.matchable().chars()).toList();
    }

    @Test
    void base64offsetKeepsOnlyCharactersFixedByTheValue() {
        List<String> forms = apply("ping", Modifier.BASE64OFFSET);
        assertThat(forms).hasSize(3);
        for (String prefix : new String[] {"", "x", "xy", "xyz", "wxyz"}) {
            for (String suffix : new String[] {"", "!", "!?", "!?."}) {
                String encoded = Base64.getEncoder().encodeToString((prefix + "ping" + suffix).getBytes(StandardCharsets.UTF_8));
                assertThat(forms).as(prefix + "ping" + suffix).anyMatch(encoded::contains);
            }
        }
    }

    @Test
    void windashPermutesEveryDashOutsideWildcards() {
        assertThat(apply("-a /b", Modifier.WINDASH)).hasSize(25).contains("-a /b", "/a -b", "\u2013a \u2014b");
    }

    @Test
    void encodingsRejectWildcards() {
        assertThatThrownBy(() -> apply("a*", Modifier.BASE64)).hasMessageStartingWith("base64 cannot encode wildcards");
    }

    @Test
    void utf16VariantsProduceBytes() {
        assertThat(apply("ab", Modifier.UTF16LE)).containsExactly("a\0b\0");
        assertThat(apply("ab", Modifier.UTF16BE)).containsExactly("\0a\0b");
        assertThat(apply("ab", Modifier.UTF16)).containsExactly("\u00ff\u00fea\0b\0");
    }
}
