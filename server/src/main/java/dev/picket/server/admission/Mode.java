package dev.picket.server.admission;

/** What the webhook does with findings at or above a scope's severity. */
public enum Mode {
    /** Deny the request; the message names each rule, field and remedy. */
    ENFORCE,
    /** Allow, with an admission warning per finding (kubectl prints them). */
    WARN,
    /** Allow silently; the findings are recorded as alerts. */
    AUDIT
}
