package dev.picket.engine.rule;

/** One problem in a rule file, located at the line it concerns. */
public record RuleError(String file, int line, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
