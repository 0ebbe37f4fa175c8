package dev.picket.server.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.server.http.Caller;
import dev.picket.server.http.ApiError;
import dev.picket.store.AlertStore;
import dev.picket.store.Status;
import dev.picket.store.Triage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.time.Clock;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * Working alerts and incidents: {@code GET …/{id}/triage}, {@code PATCH …/{id}} with
 * {@code {"status", "assignee", "comment"}} and {@code POST …/{id}/comments} with {@code {"text"}},
 * under {@code /v1/alerts} and {@code /v1/incidents}. Every change is logged under the caller the
 * authentication layer established, never a name the request claims.
 */
public final class TriageApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CHANGE_FIELDS = Set.of("status", "assignee", "comment");
    static final int MAX_ASSIGNEE = 200;
    static final int MAX_COMMENT = 10_000;

    private final AlertStore store;
    private final Clock clock;

    public TriageApi(AlertStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        for (Triage.Target target : Triage.Target.values()) {
            String base = target == Triage.Target.ALERT ? "/v1/alerts/{id}" : "/v1/incidents/{id}";
            routes.get(base + "/triage", ctx -> answer(ctx, target, store.triage(target, ctx.pathParam("id"))));
            routes.patch(base, ctx -> change(ctx, target, parseChange(ctx)));
            routes.post(base + "/comments", ctx -> change(ctx, target, parseComment(ctx)));
        }
    }

    private void change(Context ctx, Triage.Target target, Optional<Triage.Change> change) {
        if (change.isEmpty()) return; // answered 400 already
        answer(ctx, target, store.change(target, ctx.pathParam("id"), Caller.of(ctx), change.get(), clock.instant()));
    }

    private static void answer(Context ctx, Triage.Target target, Optional<Triage> triage) {
        if (triage.isEmpty()) {
            ctx.status(404).json(ApiError.of("no " + target.name().toLowerCase() + " " + ctx.pathParam("id")));
        } else {
            ctx.json(json(triage.get()));
        }
    }

    private static Optional<Triage.Change> parseChange(Context ctx) {
        JsonNode body = body(ctx);
        if (body == null) return Optional.empty();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!CHANGE_FIELDS.contains(name)) return bad(ctx, "unknown field '" + name + "'; a change has status, assignee, comment");
        }
        Status status = null;
        if (body.hasNonNull("status")) {
            try {
                status = Status.parse(body.get("status").asText());
            } catch (IllegalArgumentException e) {
                return bad(ctx, "status: " + e.getMessage());
            }
        }
        String assignee = text(body, "assignee");
        if (assignee != null && assignee.length() > MAX_ASSIGNEE) return bad(ctx, "assignee: longer than " + MAX_ASSIGNEE + " characters");
        String comment = text(body, "comment");
        if (comment != null && comment.length() > MAX_COMMENT) return bad(ctx, "comment: longer than " + MAX_COMMENT + " characters");
        Triage.Change change = new Triage.Change(status, assignee, comment);
        return change.isEmpty() ? bad(ctx, "nothing to change: give status, assignee or comment") : Optional.of(change);
    }

    private static Optional<Triage.Change> parseComment(Context ctx) {
        JsonNode body = body(ctx);
        if (body == null) return Optional.empty();
        String text = text(body, "text");
        if (text == null || text.isBlank()) return bad(ctx, "a comment needs a non-empty text");
        if (text.length() > MAX_COMMENT) return bad(ctx, "text: longer than " + MAX_COMMENT + " characters");
        return Optional.of(new Triage.Change(null, null, text));
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode body = JSON.readTree(ctx.body());
            if (body != null && body.isObject()) return body;
        } catch (IOException e) {
            // answered below
        }
        bad(ctx, "the body must be a JSON object");
        return null;
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static <T> Optional<T> bad(Context ctx, String message) {
        ctx.status(400).json(ApiError.of(message));
        return Optional.empty();
    }

    static ObjectNode json(Triage t) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("status", t.status().word());
        o.put("assignee", t.assignee());
        ArrayNode history = o.putArray("history");
        for (Triage.Entry e : t.history()) {
            history.addObject().put("time", e.time().toString()).put("actor", e.actor()).put("field", e.field())
                    .put("from", e.from()).put("to", e.to());
        }
        return o;
    }
}
