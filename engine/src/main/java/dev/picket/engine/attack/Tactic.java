package dev.picket.engine.attack;

/** An ATT&CK tactic: {@code TA0002}, {@code execution}, {@code Execution}. */
public record Tactic(String id, String shortname, String name) {
}
