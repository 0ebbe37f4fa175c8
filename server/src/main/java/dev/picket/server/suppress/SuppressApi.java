package dev.picket.server.suppress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.rule.RuleInfo;
import dev.picket.engine.rule.RuleLoadException;
import dev.picket.engine.sigma.RuleSet;
import dev.picket.server.config.ConfigException;
import dev.picket.server.config.Quantities;
import dev.picket.server.http.ApiError;
import dev.picket.server.http.Caller;
import dev.picket.store.AlertStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * "Suppress this": {@code POST /v1/suppressions} with {@code {"alert", "reason", "expires", "scope"}}
 * writes a Sigma filter file for the alert's rule and entity into the suppression folder and puts it
 * in force; {@code GET /v1/suppressions} lists the folder's filters with the alerts each marked.
 * {@code expires} is an RFC 3339 time or a duration from now ({@code 7d}); {@code scope} optionally
 * names the entity fields to scope by ({@code namespace}, {@code workload}, {@code pod}, {@code user},
 * {@code node}, {@code image}, {@code sourceIp}).
 */
public final class SuppressApi {
    private static final Logger LOG = LoggerFactory.getLogger(SuppressApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_REASON = 2000;

    private final AlertStore store;
    private final LiveSuppressions suppressions;
    private final Supplier<RuleSet> rules;
    private final Clock clock;

    public SuppressApi(AlertStore store, LiveSuppressions suppressions, Supplier<RuleSet> rules, Clock clock) {
        this.store = store;
        this.suppressions = suppressions;
        this.rules = rules;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1/suppressions", this::create);
        routes.get("/v1/suppressions", this::list);
    }

    private void create(Context ctx) throws IOException {
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            bad(ctx, "the body must be a JSON object with alert, reason and expires");
            return;
        }
        String alertId = body.path("alert").asText("");
        Optional<ObjectNode> alert = alertId.isEmpty() ? Optional.empty() : store.alert(alertId);
        if (alert.isEmpty()) {
            ctx.status(404).json(ApiError.of("no alert '" + alertId + "'"));
            return;
        }
        String reason = body.path("reason").asText("").strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON) {
            bad(ctx, "reason: say why this is known-good (1 to " + MAX_REASON + " characters)");
            return;
        }
        Instant now = clock.instant();
        Instant expires;
        try {
            expires = expiry(body.path("expires").asText(""), now);
        } catch (IllegalArgumentException e) {
            bad(ctx, e.getMessage());
            return;
        }
        List<String> scope = new ArrayList<>();
        body.path("scope").forEach(n -> scope.add(n.asText()));
        RuleSet current = rules.get();
        RuleInfo rule = current.rule(alert.get().path("rule").path("id").asText());
        if (rule == null || current.detections().stream().noneMatch(d -> d.info() == rule)) {
            bad(ctx, "only alerts of detection rules can be suppressed; correlation alerts follow from theirs");
            return;
        }
        Map<String, String> selection;
        try {
            selection = SuppressionFile.selection(alert.get(), scope);
        } catch (SuppressionFile.ScopeException e) {
            bad(ctx, e.getMessage());
            return;
        }
        synchronized (this) {
            Path file = SuppressionFile.write(suppressions.folder(), alert.get(), rule, selection, reason, expires,
                    Caller.of(ctx), now);
            try {
                suppressions.reload(current);
            } catch (RuleLoadException e) {
                // Another file of the folder is broken: keep the folder as it was and say which file.
                Files.delete(file);
                LOG.warn("suppression not added: the folder does not compile: {}", e.getMessage());
                ctx.status(409).json(ApiError.of("the suppression folder does not compile: " + e.getMessage()));
                return;
            }
            LOG.info("{} suppressed {} for {} until {} in {}", Caller.of(ctx), rule.ruleId(), selection.values(), expires, file);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.put("file", file.toString());
            out.put("rule", rule.ruleId());
            ObjectNode scopeOut = out.putObject("scope");
            selection.forEach(scopeOut::put);
            out.put("expires", expires.toString());
            ctx.status(201).json(out);
        }
    }

    private static Instant expiry(String text, Instant now) {
        if (text.isEmpty()) throw new IllegalArgumentException("expires: give an RFC 3339 time or a duration like 7d");
        Instant at;
        try {
            at = Character.isDigit(text.charAt(text.length() - 1)) || text.endsWith("Z") ? Instant.parse(text)
                    : now.plus(Quantities.duration("expires", text)).truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException | ConfigException e) {
            throw new IllegalArgumentException("expires: '" + text + "' is neither an RFC 3339 time nor a duration like 7d");
        }
        if (!at.isAfter(now)) throw new IllegalArgumentException("expires: " + at + " is already past");
        return at;
    }

    private void list(Context ctx) {
        Map<String, Long> counts = store.suppressedCounts();
        Instant now = clock.instant();
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode list = out.putArray("suppressions");
        suppressions.get().all().entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .forEach(e -> {
                    RuleInfo f = e.getKey();
                    String key = SuppressionFile.key(f);
                    ObjectNode o = list.addObject();
                    o.put("filter", key).put("title", f.title()).put("reason", f.description()).put("file", f.file())
                            .put("expires", e.getValue().toString()).put("expired", !now.isBefore(e.getValue()))
                            .put("suppressedAlerts", counts.getOrDefault(key, 0L));
                    ArrayNode rulesOut = o.putArray("rules");
                    f.document().path("filter").path("rules").forEach(rulesOut::add);
                });
        ctx.json(out);
    }

    private static void bad(Context ctx, String message) {
        ctx.status(400).json(ApiError.of(message));
    }
}
