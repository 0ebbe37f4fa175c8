package dev.picket.engine.correlation;

import dev.picket.engine.correlation.Condition.Bound;
import dev.picket.engine.correlation.Condition.Operator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionTest {

    private static Condition of(Operator operator, double limit) {
        return new Condition(List.of(new Bound(operator, limit)));
    }

    @Test
    void eachOperatorComparesWithItsLimit() {
        assertThat(of(Operator.GT, 5).test(6)).isTrue();
        assertThat(of(Operator.GT, 5).test(5)).isFalse();
        assertThat(of(Operator.GTE, 5).test(5)).isTrue();
        assertThat(of(Operator.GTE, 5).test(4)).isFalse();
        assertThat(of(Operator.LT, 5).test(4)).isTrue();
        assertThat(of(Operator.LT, 5).test(5)).isFalse();
        assertThat(of(Operator.LTE, 5).test(5)).isTrue();
        assertThat(of(Operator.LTE, 5).test(6)).isFalse();
        assertThat(of(Operator.EQ, 5).test(5)).isTrue();
        assertThat(of(Operator.EQ, 5).test(6)).isFalse();
        assertThat(of(Operator.NEQ, 5).test(6)).isTrue();
        assertThat(of(Operator.NEQ, 5).test(5)).isFalse();
    }

    @Test
    void allBoundsMustHold() {
        Condition range = new Condition(List.of(new Bound(Operator.GT, 100), new Bound(Operator.LTE, 200)));

        assertThat(range.test(101)).isTrue();
        assertThat(range.test(200)).isTrue();
        assertThat(range.test(100)).isFalse();
        assertThat(range.test(201)).isFalse();
    }

    @Test
    void theCeilingIsTheLargestLimit() {
        Condition range = new Condition(List.of(new Bound(Operator.GT, 100), new Bound(Operator.LTE, 200)));

        assertThat(range.ceiling()).isEqualTo(200);
    }
}
