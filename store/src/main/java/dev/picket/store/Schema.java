package dev.picket.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's tables, as numbered migrations. A database records the last migration it ran;
 * opening it runs the later ones, each in its own transaction. The SQL is the common subset of
 * SQLite and PostgreSQL, so both run the same statements. Never edit a released migration: add one.
 */
final class Schema {
    private static final List<List<String>> MIGRATIONS = List.of(
            List.of("""
                    CREATE TABLE alerts (
                      id TEXT PRIMARY KEY,
                      time_ms BIGINT NOT NULL,
                      severity INTEGER NOT NULL,
                      rule_id TEXT NOT NULL,
                      namespace TEXT,
                      cluster TEXT,
                      incident_id TEXT,
                      tactic_rank INTEGER NOT NULL,
                      body TEXT NOT NULL)""",
                    "CREATE INDEX alerts_time ON alerts (time_ms, id)",
                    "CREATE INDEX alerts_rule ON alerts (rule_id, time_ms)",
                    "CREATE INDEX alerts_namespace ON alerts (namespace, time_ms)",
                    "CREATE INDEX alerts_incident ON alerts (incident_id)",
                    """
                    CREATE TABLE alert_techniques (
                      technique TEXT NOT NULL,
                      alert_id TEXT NOT NULL,
                      PRIMARY KEY (technique, alert_id))""",
                    "CREATE INDEX alert_techniques_alert ON alert_techniques (alert_id)",
                    """
                    CREATE TABLE incidents (
                      id TEXT PRIMARY KEY,
                      entity_key TEXT NOT NULL,
                      entity TEXT NOT NULL,
                      label TEXT NOT NULL,
                      title TEXT NOT NULL,
                      title_severity INTEGER NOT NULL,
                      severity INTEGER NOT NULL,
                      tactics TEXT NOT NULL,
                      first_ms BIGINT NOT NULL,
                      last_ms BIGINT NOT NULL)""",
                    "CREATE INDEX incidents_entity ON incidents (entity_key, last_ms)",
                    "CREATE INDEX incidents_last ON incidents (last_ms)"),
            // Fingerprints: repeats of an alert (same rule, same entity, same window) point at the first.
            List.of("ALTER TABLE alerts ADD COLUMN fingerprint TEXT",
                    "ALTER TABLE alerts ADD COLUMN repeat_of TEXT",
                    "ALTER TABLE alerts ADD COLUMN occurrences INTEGER NOT NULL DEFAULT 1",
                    "ALTER TABLE alerts ADD COLUMN last_ms BIGINT",
                    "CREATE INDEX alerts_fingerprint ON alerts (fingerprint)"),
            // Triage: status and assignee on alert groups and incidents, and the audit trail of changes;
            // the suppression filter that marked an alert (suppressed alerts are kept, not dropped).
            List.of("ALTER TABLE alerts ADD COLUMN suppressed_by TEXT",
                    "CREATE INDEX alerts_suppressed ON alerts (suppressed_by, time_ms)",
                    "ALTER TABLE alerts ADD COLUMN status TEXT NOT NULL DEFAULT 'new'",
                    "ALTER TABLE alerts ADD COLUMN assignee TEXT",
                    "ALTER TABLE incidents ADD COLUMN status TEXT NOT NULL DEFAULT 'new'",
                    "ALTER TABLE incidents ADD COLUMN assignee TEXT",
                    """
                    CREATE TABLE triage_log (
                      seq BIGINT PRIMARY KEY,
                      target TEXT NOT NULL,
                      subject_id TEXT NOT NULL,
                      time_ms BIGINT NOT NULL,
                      actor TEXT NOT NULL,
                      field TEXT NOT NULL,
                      old_value TEXT,
                      new_value TEXT)""",
                    "CREATE INDEX triage_log_subject ON triage_log (target, subject_id, seq)"));

    private Schema() {
    }

    /** The number of the newest migration. */
    static int version() {
        return MIGRATIONS.size();
    }

    static void migrate(Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS picket_schema (version INTEGER NOT NULL)");
        }
        int current = current(db);
        if (current > MIGRATIONS.size()) {
            throw new StoreException("the database has schema version " + current
                    + ", newer than this Picket knows (" + MIGRATIONS.size() + ")");
        }
        for (int v = current; v < MIGRATIONS.size(); v++) {
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                for (String sql : MIGRATIONS.get(v)) s.execute(sql);
                s.execute("DELETE FROM picket_schema");
                s.execute("INSERT INTO picket_schema (version) VALUES (" + (v + 1) + ")");
                db.commit();
            } catch (SQLException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        }
    }

    static int current(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(version) FROM picket_schema")) {
            return r.next() ? r.getInt(1) : 0;
        }
    }
}
