package dev.picket.server.reload;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;

/**
 * {@code POST /v1/reload}: rereads rules, placeholders, TI lists and suppressions. {@code 200
 * {"rules", "suppressions"}} when the new set is in force; {@code 422 {"error", "errors": [FILE:LINE: …]}}
 * when something does not compile, the previous set still in force.
 */
public final class ReloadApi {
    private final LiveRules rules;

    public ReloadApi(LiveRules rules) {
        this.rules = rules;
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1/reload", ctx -> {
            LiveRules.Outcome outcome = rules.reload();
            ctx.status(outcome.applied() ? 200 : 422).json(json(outcome));
        });
    }

    static ObjectNode json(LiveRules.Outcome outcome) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (!outcome.applied()) {
            o.put("error", "the new rules do not compile; the previous rules stay in force");
            ArrayNode errors = o.putArray("errors");
            outcome.errors().forEach(errors::add);
        }
        o.put("rules", outcome.rules());
        o.put("suppressions", outcome.suppressions());
        return o;
    }
}
