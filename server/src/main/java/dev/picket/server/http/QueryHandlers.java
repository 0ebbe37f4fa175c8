package dev.picket.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.rule.Severity;
import dev.picket.store.AlertPage;
import dev.picket.store.AlertQuery;
import dev.picket.store.AlertStore;
import dev.picket.store.Incident;
import dev.picket.store.IncidentDetail;
import dev.picket.store.Status;
import io.javalin.http.Context;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The read side of the API: alerts, incidents and the ATT&CK matrix with alert counts. */
final class QueryHandlers {
    static final int DEFAULT_LIMIT = 100;

    private final AlertStore store;
    private final MatrixJson matrix;

    QueryHandlers(AlertStore store, MatrixJson matrix) {
        this.store = store;
        this.matrix = matrix;
    }

    /**
     * {@code GET /v1/alerts?severity=&namespace=&rule=&technique=&from=&to=&status=&suppressed=&grouped=&limit=&cursor=}:
     * suppressed alerts are listed only with {@code suppressed=true} (only them) or {@code suppressed=any}.
     */
    void alerts(Context ctx) {
        String severity = ctx.queryParam("severity");
        Severity min;
        try {
            min = severity == null ? null : Severity.parse(severity);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("severity: " + e.getMessage());
        }
        AlertQuery query;
        try {
            String status = ctx.queryParam("status");
            query = new AlertQuery(min, ctx.queryParam("namespace"), ctx.queryParam("rule"), ctx.queryParam("technique"),
                    time(ctx, "from"), time(ctx, "to"), status == null || status.isEmpty() ? null : Status.parse(status),
                    suppressed(ctx.queryParam("suppressed")), "true".equals(ctx.queryParam("grouped")),
                    limit(ctx, AlertQuery.MAX_LIMIT), ctx.queryParam("cursor"));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
        AlertPage page;
        try {
            page = store.alerts(query);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode alerts = out.putArray("alerts");
        page.alerts().forEach(alerts::add);
        out.put("next", page.next());
        ctx.json(out);
    }

    void alert(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(store.alert(id).orElseThrow(() -> new NotFound("no alert " + id)));
    }

    /** {@code GET /v1/incidents?from=&to=&limit=}. */
    void incidents(Context ctx) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode list = out.putArray("incidents");
        store.incidents(time(ctx, "from"), time(ctx, "to"), limit(ctx, AlertQuery.MAX_LIMIT))
                .forEach(i -> list.add(json(i)));
        ctx.json(out);
    }

    void incident(Context ctx) {
        String id = ctx.pathParam("id");
        IncidentDetail detail = store.incident(id).orElseThrow(() -> new NotFound("no incident " + id));
        ObjectNode out = json(detail.incident());
        ArrayNode alerts = out.putArray("alerts");
        detail.alerts().forEach(alerts::add);
        ctx.json(out);
    }

    /** {@code GET /v1/attack?from=&to=}: the matrix, each technique with the alerts in the period. */
    void attack(Context ctx) {
        ctx.json(matrix.withAlerts(store.techniqueCounts(time(ctx, "from"), time(ctx, "to"))));
    }

    private static ObjectNode json(Incident i) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", i.id());
        o.put("title", i.title());
        o.put("severity", i.severity().word());
        ArrayNode tactics = o.putArray("tactics");
        i.tactics().forEach(tactics::add);
        o.put("first", i.first().toString());
        o.put("last", i.last().toString());
        o.put("alertCount", i.alertCount());
        o.set("entity", i.entity());
        o.put("status", i.status().word());
        o.put("assignee", i.assignee());
        return o;
    }

    private static Boolean suppressed(String value) {
        if (value == null || value.isEmpty() || value.equals("false")) return false;
        if (value.equals("true")) return true;
        if (value.equals("any")) return null;
        throw new BadRequest("suppressed: '" + value + "' is not one of false (default), true, any");
    }

    private static Instant time(Context ctx, String param) {
        String value = ctx.queryParam(param);
        if (value == null || value.isEmpty()) return null;
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequest(param + ": '" + value + "' is not an RFC 3339 time like 2026-11-02T10:00:00Z");
        }
    }

    private static int limit(Context ctx, int max) {
        String value = ctx.queryParam("limit");
        if (value == null) return DEFAULT_LIMIT;
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequest("limit: '" + value + "' is not a number from 1 to " + max);
    }

    /** A request the API cannot answer as asked; the message says why. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }
}
