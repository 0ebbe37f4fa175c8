package dev.picket.engine.sigma.condition;

/** A condition that does not follow the grammar; the message says where and what was expected. */
public final class ConditionSyntaxException extends Exception {
    public ConditionSyntaxException(String message) {
        super(message);
    }
}
