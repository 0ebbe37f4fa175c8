package dev.picket.engine.attack;

/**
 * Something wrong with one ATT&CK tag of a rule. {@link Kind#UNKNOWN}: no such tactic or technique in
 * ATT&CK; {@link Kind#OUTDATED}: it exists in an older release only and is read as its successor.
 */
public record TagProblem(String tag, Kind kind, String message) {
    public enum Kind { UNKNOWN, OUTDATED }
}
