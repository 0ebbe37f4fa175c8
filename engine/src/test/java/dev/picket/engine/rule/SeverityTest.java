package dev.picket.engine.rule;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeverityTest {

    @Test
    void parsesSigmaLevelWordsInAnyCase() {
        assertThat(Severity.parse("informational")).isEqualTo(Severity.INFORMATIONAL);
        assertThat(Severity.parse("HIGH")).isEqualTo(Severity.HIGH);
        assertThat(Severity.CRITICAL.word()).isEqualTo("critical");
    }

    @Test
    void rejectsOtherWords() {
        assertThatThrownBy(() -> Severity.parse("info")).hasMessageStartingWith("unknown level 'info'");
    }

    @Test
    void ordersLeastToMostSevere() {
        assertThat(Severity.LOW).isLessThan(Severity.MEDIUM);
        assertThat(Severity.HIGH).isLessThan(Severity.CRITICAL);
    }
}
