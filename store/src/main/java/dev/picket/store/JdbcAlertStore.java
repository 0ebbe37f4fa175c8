package dev.picket.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.rule.Severity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The store over one JDBC connection, for SQLite and PostgreSQL alike: both run the same SQL.
 * Calls are serialised on the connection; the server has one writer and a few readers, and SQLite
 * allows one writer at a time anyway.
 */
final class JdbcAlertStore implements AlertStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection db;
    private final StoreSettings settings;
    private final TriageLog triage;

    JdbcAlertStore(Connection db, StoreSettings settings) {
        this.db = db;
        this.settings = settings;
        this.triage = new TriageLog(db);
        try {
            Schema.migrate(db);
        } catch (SQLException e) {
            throw new StoreException("cannot create or upgrade the store's tables: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized int add(List<ObjectNode> alerts) {
        List<AlertRow> rows = alerts.stream().map(AlertRow::of).toList();
        try {
            db.setAutoCommit(false);
            int added = 0;
            for (AlertRow row : rows) {
                if (insert(row)) added++;
            }
            db.commit();
            return added;
        } catch (SQLException | RuntimeException e) {
            rollback();
            throw e instanceof StoreException se ? se : new StoreException("cannot store alerts: " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
    }

    /** Inserts one alert unless its id is stored; a new one joins or opens its entity's incident. */
    private boolean insert(AlertRow row) throws SQLException {
        String body = row.json().toString();
        int tacticRank = row.tactics().stream().mapToInt(settings::rank).min().orElse(settings.tacticOrder().size());
        Optional<EntityKey> entity = EntityKey.of(row.entity());
        String fingerprint = fingerprint(row, entity);
        try (PreparedStatement s = db.prepareStatement("""
                INSERT INTO alerts (id, time_ms, severity, rule_id, namespace, cluster, tactic_rank, body, fingerprint,
                                    suppressed_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")) {
            s.setString(1, row.id());
            s.setLong(2, row.time().toEpochMilli());
            s.setInt(3, row.severity().ordinal());
            s.setString(4, row.ruleId());
            s.setString(5, row.namespace());
            s.setString(6, row.cluster());
            s.setInt(7, tacticRank);
            s.setString(8, body);
            s.setString(9, fingerprint);
            s.setString(10, row.suppressedBy());
            if (s.executeUpdate() == 0) return false;
        }
        markRepeat(row, fingerprint);
        try (PreparedStatement s = db.prepareStatement(
                "INSERT INTO alert_techniques (technique, alert_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            for (String technique : row.techniques()) {
                s.setString(1, technique);
                s.setString(2, row.id());
                s.addBatch();
            }
            s.executeBatch();
        }
        // A suppressed alert is kept and countable, but opens or grows no incident: it is known-good activity.
        if (entity.isPresent() && row.suppressedBy() == null) fileIntoIncident(row, entity.get());
        return true;
    }

    /**
     * Same rule, same entity, same period of the incident window; suppressed alerts group apart, so
     * known-good activity never counts as (or reopens) a repeat of an alert people work.
     */
    private String fingerprint(AlertRow row, Optional<EntityKey> entity) {
        long period = row.time().toEpochMilli() / settings.incidentWindow().toMillis();
        return digest(row.ruleId() + '\n' + entity.map(EntityKey::key).orElse(row.entity().toString()) + '\n' + period
                + (row.suppressedBy() == null ? "" : "\nsuppressed"));
    }

    /** When an earlier alert has the fingerprint, this one is its repeat: counted there, listed grouped under it. */
    private void markRepeat(AlertRow row, String fingerprint) throws SQLException {
        String first;
        try (PreparedStatement s = prepare("SELECT id FROM alerts WHERE fingerprint = ? AND repeat_of IS NULL AND id <> ? "
                + "ORDER BY time_ms, id LIMIT 1", List.of(fingerprint, row.id())); ResultSet r = s.executeQuery()) {
            if (!r.next()) return;
            first = r.getString(1);
        }
        long t = row.time().toEpochMilli();
        try (PreparedStatement mark = prepare("UPDATE alerts SET repeat_of = ? WHERE id = ?", List.of(first, row.id()));
             PreparedStatement count = prepare("UPDATE alerts SET occurrences = occurrences + 1, "
                     + "last_ms = CASE WHEN COALESCE(last_ms, time_ms) < ? THEN ? ELSE COALESCE(last_ms, time_ms) END "
                     + "WHERE id = ?", List.of(t, t, first))) {
            mark.executeUpdate();
            count.executeUpdate();
        }
        triage.reopen(Triage.Target.ALERT, first, row.time());
    }

    private void fileIntoIncident(AlertRow row, EntityKey entity) throws SQLException {
        long t = row.time().toEpochMilli();
        long window = settings.incidentWindow().toMillis();
        String incidentId = null;
        Set<String> tactics = new LinkedHashSet<>();
        try (PreparedStatement s = db.prepareStatement("""
                SELECT id, tactics FROM incidents
                WHERE entity_key = ? AND first_ms - ? <= ? AND last_ms + ? >= ?
                ORDER BY last_ms DESC LIMIT 1""")) {
            s.setString(1, entity.key());
            s.setLong(2, window);
            s.setLong(3, t);
            s.setLong(4, window);
            s.setLong(5, t);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    incidentId = r.getString(1);
                    JSON.readTree(r.getString(2)).forEach(n -> tactics.add(n.asText()));
                }
            } catch (JsonProcessingException e) {
                throw new StoreException("incident tactics are not JSON: " + e.getMessage(), e);
            }
        }
        tactics.addAll(row.tactics());
        String tacticsJson = tacticsJson(tactics);
        String title = row.ruleTitle() + " on " + entity.label();
        if (incidentId == null) {
            incidentId = incidentId(entity.key(), row.id());
            try (PreparedStatement s = db.prepareStatement("""
                    INSERT INTO incidents (id, entity_key, entity, label, title, title_severity, severity, tactics, first_ms, last_ms)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                s.setString(1, incidentId);
                s.setString(2, entity.key());
                s.setString(3, entity.entity().toString());
                s.setString(4, entity.label());
                s.setString(5, title);
                s.setInt(6, row.severity().ordinal());
                s.setInt(7, row.severity().ordinal());
                s.setString(8, tacticsJson);
                s.setLong(9, t);
                s.setLong(10, t);
                s.executeUpdate();
            }
        } else {
            // The title follows the most severe alert; on a tie the earlier one keeps it.
            try (PreparedStatement s = db.prepareStatement("""
                    UPDATE incidents SET
                      title = CASE WHEN ? > title_severity THEN ? ELSE title END,
                      title_severity = CASE WHEN ? > title_severity THEN ? ELSE title_severity END,
                      severity = CASE WHEN ? > severity THEN ? ELSE severity END,
                      tactics = ?,
                      first_ms = CASE WHEN ? < first_ms THEN ? ELSE first_ms END,
                      last_ms = CASE WHEN ? > last_ms THEN ? ELSE last_ms END
                    WHERE id = ?""")) {
                int sev = row.severity().ordinal();
                s.setInt(1, sev);
                s.setString(2, title);
                s.setInt(3, sev);
                s.setInt(4, sev);
                s.setInt(5, sev);
                s.setInt(6, sev);
                s.setString(7, tacticsJson);
                s.setLong(8, t);
                s.setLong(9, t);
                s.setLong(10, t);
                s.setLong(11, t);
                s.setString(12, incidentId);
                s.executeUpdate();
            }
            triage.reopen(Triage.Target.INCIDENT, incidentId, row.time());
        }
        try (PreparedStatement s = db.prepareStatement("UPDATE alerts SET incident_id = ? WHERE id = ?")) {
            s.setString(1, incidentId);
            s.setString(2, row.id());
            s.executeUpdate();
        }
    }

    private String tacticsJson(Set<String> tactics) {
        ArrayNode array = JSON.createArrayNode();
        tactics.stream().sorted(Comparator.comparingInt(settings::rank)).forEach(array::add);
        return array.toString();
    }

    /** Deterministic, so a store rebuilt from the same alerts names its incidents the same. */
    private static String incidentId(String entityKey, String firstAlertId) {
        return "inc-" + digest(entityKey + '\n' + firstAlertId);
    }

    private static String digest(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public synchronized AlertPage alerts(AlertQuery q) {
        StringBuilder sql = new StringBuilder("SELECT time_ms, id, body, occurrences, last_ms, " + GROUP_STATUS
                + ", assignee, suppressed_by FROM alerts WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.status() != null) {
            sql.append(" AND ").append(GROUP_STATUS).append(" = ?");
            args.add(q.status().word());
        }
        if (q.suppressed() != null) sql.append(q.suppressed() ? " AND suppressed_by IS NOT NULL" : " AND suppressed_by IS NULL");
        if (q.grouped()) sql.append(" AND repeat_of IS NULL");
        if (q.minSeverity() != null) {
            sql.append(" AND severity >= ?");
            args.add(q.minSeverity().ordinal());
        }
        if (q.namespace() != null) {
            sql.append(" AND namespace = ?");
            args.add(q.namespace());
        }
        if (q.rule() != null) {
            sql.append(" AND rule_id = ?");
            args.add(q.rule());
        }
        if (q.technique() != null) {
            sql.append(" AND id IN (SELECT alert_id FROM alert_techniques WHERE technique = ? OR technique LIKE ?)");
            args.add(q.technique());
            args.add(q.technique() + ".%");
        }
        timeRange(sql, args, "time_ms", "time_ms", q.from(), q.to());
        if (q.cursor() != null) {
            Cursor c = Cursor.decode(q.cursor());
            sql.append(" AND (time_ms < ? OR (time_ms = ? AND id < ?))");
            args.add(c.timeMs());
            args.add(c.timeMs());
            args.add(c.id());
        }
        sql.append(" ORDER BY time_ms DESC, id DESC LIMIT ?");
        args.add(q.limit() + 1);
        List<ObjectNode> alerts = new ArrayList<>();
        Cursor last = null;
        try (PreparedStatement s = prepare(sql.toString(), args); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                if (alerts.size() == q.limit()) {
                    return new AlertPage(alerts, last.encode());
                }
                last = new Cursor(r.getLong(1), r.getString(2));
                ObjectNode alert = parse(r.getString(3));
                alert.put("status", r.getString(6));
                if (q.grouped()) {
                    long lastMs = r.getLong(5);
                    alert.put("count", r.getInt(4)).put("lastTime", Instant.ofEpochMilli(r.wasNull() ? r.getLong(1) : lastMs).toString());
                }
                alerts.add(alert);
            }
            return new AlertPage(alerts, null);
        } catch (SQLException e) {
            throw new StoreException("cannot read alerts: " + e.getMessage(), e);
        }
    }

    /** An alert's status is its group's: the first alert's when it is a repeat. */
    private static final String GROUP_STATUS = "COALESCE((SELECT h.status FROM alerts h WHERE h.id = alerts.repeat_of), status)";

    @Override
    public synchronized Optional<Triage> triage(Triage.Target target, String id) {
        try {
            Optional<String> holder = triage.holder(target, id);
            return holder.isEmpty() ? Optional.empty() : Optional.of(triage.read(target, holder.get()));
        } catch (SQLException e) {
            throw new StoreException("cannot read the triage of " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<Triage> change(Triage.Target target, String id, String actor, Triage.Change change,
                                                Instant at) {
        try {
            db.setAutoCommit(false);
            Optional<String> holder = triage.holder(target, id);
            if (holder.isPresent()) triage.change(target, holder.get(), actor, change, at);
            Optional<Triage> after = holder.isEmpty() ? Optional.empty() : Optional.of(triage.read(target, holder.get()));
            db.commit();
            return after;
        } catch (SQLException e) {
            rollback();
            throw new StoreException("cannot change " + id + ": " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
    }

    @Override
    public synchronized Map<String, Long> suppressedCounts() {
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement s = prepare("SELECT suppressed_by, COUNT(*) FROM alerts WHERE suppressed_by IS NOT NULL "
                + "GROUP BY suppressed_by ORDER BY suppressed_by", List.of()); ResultSet r = s.executeQuery()) {
            while (r.next()) out.put(r.getString(1), r.getLong(2));
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot count suppressed alerts: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<ObjectNode> alert(String id) {
        try (PreparedStatement s = prepare("SELECT body FROM alerts WHERE id = ?", List.of(id));
             ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(parse(r.getString(1))) : Optional.empty();
        } catch (SQLException e) {
            throw new StoreException("cannot read alert " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<Incident> incidents(Instant from, Instant to, int limit) {
        StringBuilder sql = new StringBuilder(INCIDENT_COLUMNS + " FROM incidents i WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        timeRange(sql, args, "i.last_ms", "i.first_ms", from, to);
        sql.append(" ORDER BY i.last_ms DESC, i.id DESC LIMIT ?");
        args.add(limit);
        List<Incident> out = new ArrayList<>();
        try (PreparedStatement s = prepare(sql.toString(), args); ResultSet r = s.executeQuery()) {
            while (r.next()) out.add(incident(r));
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read incidents: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<IncidentDetail> incident(String id) {
        try (PreparedStatement s = prepare(INCIDENT_COLUMNS + " FROM incidents i WHERE i.id = ?", List.of(id));
             ResultSet r = s.executeQuery()) {
            if (!r.next()) return Optional.empty();
            Incident incident = incident(r);
            List<ObjectNode> alerts = new ArrayList<>();
            try (PreparedStatement a = prepare(
                    "SELECT body FROM alerts WHERE incident_id = ? ORDER BY tactic_rank, time_ms, id", List.of(id));
                 ResultSet ar = a.executeQuery()) {
                while (ar.next()) alerts.add(parse(ar.getString(1)));
            }
            return Optional.of(new IncidentDetail(incident, alerts));
        } catch (SQLException e) {
            throw new StoreException("cannot read incident " + id + ": " + e.getMessage(), e);
        }
    }

    private static final String INCIDENT_COLUMNS = """
            SELECT i.id, i.entity, i.title, i.severity, i.tactics, i.first_ms, i.last_ms,
                   (SELECT COUNT(*) FROM alerts a WHERE a.incident_id = i.id), i.status, i.assignee""";

    private static Incident incident(ResultSet r) throws SQLException {
        List<String> tactics = new ArrayList<>();
        parseArray(r.getString(5)).forEach(n -> tactics.add(n.asText()));
        return new Incident(r.getString(1), parse(r.getString(2)), r.getString(3), Severity.values()[r.getInt(4)],
                tactics, Instant.ofEpochMilli(r.getLong(6)), Instant.ofEpochMilli(r.getLong(7)), r.getInt(8),
                Status.parse(r.getString(9)), r.getString(10));
    }

    @Override
    public synchronized Map<String, Long> techniqueCounts(Instant from, Instant to) {
        StringBuilder sql = new StringBuilder(
                "SELECT t.technique, COUNT(*) FROM alert_techniques t JOIN alerts a ON a.id = t.alert_id WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        timeRange(sql, args, "a.time_ms", "a.time_ms", from, to);
        sql.append(" GROUP BY t.technique ORDER BY t.technique");
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement s = prepare(sql.toString(), args); ResultSet r = s.executeQuery()) {
            while (r.next()) out.put(r.getString(1), r.getLong(2));
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot count techniques: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized int deleteBefore(Instant cutoff) {
        long ms = cutoff.toEpochMilli();
        try {
            db.setAutoCommit(false);
            try (PreparedStatement t = prepare("DELETE FROM alert_techniques WHERE alert_id IN "
                    + "(SELECT id FROM alerts WHERE time_ms < ?)", List.of(ms));
                 PreparedStatement a = prepare("DELETE FROM alerts WHERE time_ms < ?", List.of(ms));
                 PreparedStatement log = prepare("DELETE FROM triage_log WHERE (target = 'ALERT' AND subject_id IN "
                         + "(SELECT id FROM alerts WHERE time_ms < ?)) OR (target = 'INCIDENT' AND subject_id IN "
                         + "(SELECT id FROM incidents WHERE last_ms < ?))", List.of(ms, ms));
                 PreparedStatement i = prepare("DELETE FROM incidents WHERE last_ms < ?", List.of(ms));
                 // Repeats whose first alert is gone stand on their own again.
                 PreparedStatement r = prepare("UPDATE alerts SET repeat_of = NULL WHERE repeat_of IS NOT NULL "
                         + "AND repeat_of NOT IN (SELECT id FROM alerts)", List.of())) {
                t.executeUpdate();
                log.executeUpdate();
                int deleted = a.executeUpdate();
                i.executeUpdate();
                r.executeUpdate();
                db.commit();
                return deleted;
            }
        } catch (SQLException e) {
            rollback();
            throw new StoreException("cannot delete old alerts: " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
    }

    /** Appends the overlap test with [from, to): the row's end is at or after from, its start before to. */
    private static void timeRange(StringBuilder sql, List<Object> args, String endColumn, String startColumn,
                                  Instant from, Instant to) {
        if (from != null) {
            sql.append(" AND ").append(endColumn).append(" >= ?");
            args.add(from.toEpochMilli());
        }
        if (to != null) {
            sql.append(" AND ").append(startColumn).append(" < ?");
            args.add(to.toEpochMilli());
        }
    }

    private PreparedStatement prepare(String sql, List<?> args) throws SQLException {
        PreparedStatement s = db.prepareStatement(sql);
        for (int i = 0; i < args.size(); i++) s.setObject(i + 1, args.get(i));
        return s;
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new StoreException("stored JSON is damaged: " + e.getMessage(), e);
        }
    }

    private static ArrayNode parseArray(String json) {
        try {
            return (ArrayNode) JSON.readTree(json);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new StoreException("stored JSON is damaged: " + e.getMessage(), e);
        }
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the original failure is what the caller needs to see
        }
    }

    private void autoCommit() {
        try {
            db.setAutoCommit(true);
        } catch (SQLException e) {
            throw new StoreException("the database connection failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the store: " + e.getMessage(), e);
        }
    }
}
