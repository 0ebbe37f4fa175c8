package dev.picket.cli;

/** Exit codes every command shares. */
final class ExitCode {
    /** The command ran (findings, decode errors on some records and failing rule tests aside). */
    static final int OK = 0;
    /** Rule tests ran and some failed; a scan found open findings at or above --fail-on. */
    static final int FAILED = 1;
    /** Bad usage, a rule that does not load, an input that cannot be opened. */
    static final int USAGE = 2;

    private ExitCode() {
    }
}
