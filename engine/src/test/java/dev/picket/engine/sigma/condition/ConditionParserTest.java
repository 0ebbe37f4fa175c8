package dev.picket.engine.sigma.condition;

import dev.picket.engine.sigma.condition.Condition.And;
import dev.picket.engine.sigma.condition.Condition.Not;
import dev.picket.engine.sigma.condition.Condition.Or;
import dev.picket.engine.sigma.condition.Condition.Quantified;
import dev.picket.engine.sigma.condition.Condition.Ref;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConditionParserTest {

    private static Condition parse(String text) throws ConditionSyntaxException {
        return ConditionParser.parse(text);
    }

    @Test
    void precedenceOrAndNotOf() throws Exception {
        assertThat(parse("a or b and not 1 of c*")).isEqualTo(new Or(List.of(
                new Ref("a"), new And(List.of(new Ref("b"), new Not(new Quantified(false, "c*")))))));
    }

    @Test
    void parenthesesGroup() throws Exception {
        assertThat(parse("(a or b) and c")).isEqualTo(new And(List.of(new Or(List.of(new Ref("a"), new Ref("b"))), new Ref("c"))));
        assertThat(parse("((a))")).isEqualTo(new Ref("a"));
    }

    @Test
    void quantifiers() throws Exception {
        assertThat(parse("all of them")).isEqualTo(new Quantified(true, null));
        assertThat(parse("1 of them")).isEqualTo(new Quantified(false, null));
        assertThat(parse("any of sel_*")).isEqualTo(new Quantified(false, "sel_*"));
        assertThat(parse("all of *_filter")).isEqualTo(new Quantified(true, "*_filter"));
    }

    @Test
    void identifiersMayHoldDotsDashesAndDigits() throws Exception {
        assertThat(parse("sel-1.a and x2")).isEqualTo(new And(List.of(new Ref("sel-1.a"), new Ref("x2"))));
    }

    @Test
    void parenthesesNeedNoBlanks() throws Exception {
        assertThat(parse("not(a)")).isEqualTo(new Not(new Ref("a")));
    }

    @Test
    void errorsSayWhatWasExpected() {
        assertThatThrownBy(() -> parse("")).hasMessage("condition is empty");
        assertThatThrownBy(() -> parse("a b")).hasMessage("unexpected 'b' in condition 'a b'");
        assertThatThrownBy(() -> parse("a and or b")).hasMessage("expected a search identifier, found 'or' in condition 'a and or b'");
        assertThatThrownBy(() -> parse("2 of x*")).hasMessage("only '1 of', 'any of' and 'all of' are allowed, not '2 of' in condition '2 of x*'");
        assertThatThrownBy(() -> parse("all of")).hasMessage("expected a search identifier pattern or 'them' after 'of' at the end in condition 'all of'");
        assertThatThrownBy(() -> parse("a)")).hasMessage("unexpected ')' in condition 'a)'");
    }
}
