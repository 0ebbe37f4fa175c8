package dev.picket.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Status, assignee and the audit trail of alerts and incidents, over the store's connection; the
 * caller holds the store's lock and owns the transaction. An alert's triage lives on the first
 * alert of its group of repeats, so working the group works every repeat.
 */
final class TriageLog {
    /** The actor the server writes changes it makes itself under. */
    static final String SERVER = "picket";

    private final Connection db;

    TriageLog(Connection db) {
        this.db = db;
    }

    /** The id carrying the triage: an alert's group head, an incident itself; empty when unknown. */
    Optional<String> holder(Triage.Target target, String id) throws SQLException {
        String sql = target == Triage.Target.ALERT ? "SELECT COALESCE(repeat_of, id) FROM alerts WHERE id = ?"
                : "SELECT id FROM incidents WHERE id = ?";
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    Triage read(Triage.Target target, String holder) throws SQLException {
        Status status;
        String assignee;
        try (PreparedStatement s = db.prepareStatement("SELECT status, assignee FROM " + target.table + " WHERE id = ?")) {
            s.setString(1, holder);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                status = Status.parse(r.getString(1));
                assignee = r.getString(2);
            }
        }
        List<Triage.Entry> history = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("SELECT time_ms, actor, field, old_value, new_value FROM triage_log "
                + "WHERE target = ? AND subject_id = ? ORDER BY seq")) {
            s.setString(1, target.name());
            s.setString(2, holder);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    history.add(new Triage.Entry(Instant.ofEpochMilli(r.getLong(1)), r.getString(2), r.getString(3),
                            r.getString(4), r.getString(5)));
                }
            }
        }
        return new Triage(status, assignee, history);
    }

    /** Applies the parts of the change that differ from what is recorded, each logged. */
    void change(Triage.Target target, String holder, String actor, Triage.Change change, Instant at) throws SQLException {
        Triage now = read(target, holder);
        if (change.status() != null && change.status() != now.status()) {
            set(target, holder, "status", change.status().word());
            log(target, holder, at, actor, "status", now.status().word(), change.status().word());
        }
        if (change.assignee() != null) {
            String assignee = change.assignee().isBlank() ? null : change.assignee().strip();
            if (!Objects.equals(assignee, now.assignee())) {
                set(target, holder, "assignee", assignee);
                log(target, holder, at, actor, "assignee", now.assignee(), assignee);
            }
        }
        if (change.comment() != null && !change.comment().isBlank()) {
            log(target, holder, at, actor, "comment", null, change.comment().strip());
        }
    }

    /** A resolved alert group or incident that sees new activity is open again; false positives stay closed. */
    void reopen(Triage.Target target, String holder, Instant at) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("UPDATE " + target.table + " SET status = ? WHERE id = ? AND status = ?")) {
            s.setString(1, Status.NEW.word());
            s.setString(2, holder);
            s.setString(3, Status.RESOLVED.word());
            if (s.executeUpdate() == 0) return;
        }
        log(target, holder, at, SERVER, "status", Status.RESOLVED.word(), Status.NEW.word());
    }

    private void set(Triage.Target target, String holder, String column, String value) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("UPDATE " + target.table + " SET " + column + " = ? WHERE id = ?")) {
            s.setString(1, value);
            s.setString(2, holder);
            s.executeUpdate();
        }
    }

    private void log(Triage.Target target, String holder, Instant at, String actor, String field, String from, String to)
            throws SQLException {
        try (PreparedStatement s = db.prepareStatement("""
                INSERT INTO triage_log (seq, target, subject_id, time_ms, actor, field, old_value, new_value)
                SELECT COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ?, ?, ?, ? FROM triage_log""")) {
            s.setString(1, target.name());
            s.setString(2, holder);
            s.setLong(3, at.toEpochMilli());
            s.setString(4, actor);
            s.setString(5, field);
            s.setString(6, from);
            s.setString(7, to);
            s.executeUpdate();
        }
    }
}
