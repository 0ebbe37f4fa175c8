package dev.picket.store;

import java.time.Instant;
import java.util.List;

/**
 * How an alert (its group of repeats) or an incident is being worked: its status, who has it, and
 * the audit trail of every change and comment, oldest first.
 *
 * @param assignee null when nobody has it
 */
public record Triage(Status status, String assignee, List<Entry> history) {

    /**
     * One change: {@code field} is {@code status}, {@code assignee} or {@code comment} (a comment's
     * text is its {@code to}; its {@code from} is null). The actor {@code picket} is the server
     * itself (a repeat reopening a resolved alert).
     */
    public record Entry(Instant time, String actor, String field, String from, String to) {
    }

    /**
     * What a caller changes; null parts stay as they are. An empty assignee clears it.
     */
    public record Change(Status status, String assignee, String comment) {
        public boolean isEmpty() {
            return status == null && assignee == null && (comment == null || comment.isBlank());
        }
    }

    /** What is being worked. */
    public enum Target {
        ALERT("alerts"), INCIDENT("incidents");

        final String table;

        Target(String table) {
            this.table = table;
        }
    }
}
