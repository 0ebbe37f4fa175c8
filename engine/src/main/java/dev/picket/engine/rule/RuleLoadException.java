package dev.picket.engine.rule;

import java.util.List;
import java.util.stream.Collectors;

/** Rules did not load: every error found in every file, each with its FILE:LINE. */
public final class RuleLoadException extends Exception {
    private final List<RuleError> errors;

    public RuleLoadException(List<RuleError> errors) {
        super(errors.stream().map(RuleError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<RuleError> errors() {
        return errors;
    }
}
