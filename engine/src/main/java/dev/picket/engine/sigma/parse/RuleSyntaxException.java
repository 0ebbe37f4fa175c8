package dev.picket.engine.sigma.parse;

/**
 * A rule document that breaks the specification at a line. Thrown while compiling one part of a
 * rule; the loader turns it into a {@code RuleError} and goes on with the other parts and files.
 */
public final class RuleSyntaxException extends RuntimeException {
    private final int line;

    public RuleSyntaxException(int line, String message) {
        super(message, null, false, false);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
