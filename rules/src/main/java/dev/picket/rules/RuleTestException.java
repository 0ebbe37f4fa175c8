package dev.picket.rules;

import dev.picket.engine.rule.RuleError;

import java.util.List;
import java.util.stream.Collectors;

/** Rule test files that cannot be read as tests: every problem, each with its FILE:LINE. */
public final class RuleTestException extends Exception {
    private final List<RuleError> errors;

    public RuleTestException(List<RuleError> errors) {
        super(errors.stream().map(RuleError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<RuleError> errors() {
        return errors;
    }
}
