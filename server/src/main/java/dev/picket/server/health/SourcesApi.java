package dev.picket.server.health;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;

/** {@code GET /v1/sources}: every source heard from, stale ones first, with its last event and lag. */
public final class SourcesApi {
    private final SourceHeartbeats heartbeats;

    public SourcesApi(SourceHeartbeats heartbeats) {
        this.heartbeats = heartbeats;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/sources", ctx -> {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            ArrayNode list = out.putArray("sources");
            for (SourceHeartbeats.Source s : heartbeats.sources()) {
                list.addObject().put("source", s.key()).put("kind", s.kind()).put("cluster", s.cluster()).put("node", s.node())
                        .put("lastSeen", s.lastSeen().toString()).put("lagSeconds", s.lag().toSeconds()).put("stale", s.stale());
            }
            ctx.json(out);
        });
    }
}
