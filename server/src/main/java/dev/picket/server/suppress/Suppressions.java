package dev.picket.server.suppress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.picket.engine.event.Event;
import dev.picket.engine.rule.RuleError;
import dev.picket.engine.rule.RuleInfo;
import dev.picket.engine.rule.RuleLoadException;
import dev.picket.engine.sigma.FilterSet;
import dev.picket.engine.sigma.RuleSet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The suppression filters of a folder a team keeps in git: Sigma global filters, each with an
 * {@code expires} time and its reason as {@code description}. They mark matches, never drop them:
 * a match a live filter covers is stored flagged as suppressed. A filter past its expiry marks
 * nothing (delete its file to tidy up). Immutable.
 */
public final class Suppressions {
    /** A folder without filters. */
    public static final Suppressions NONE = new Suppressions(null, Map.of());

    private final FilterSet filters;
    private final Map<RuleInfo, Instant> expiries;

    private Suppressions(FilterSet filters, Map<RuleInfo, Instant> expiries) {
        this.filters = filters;
        this.expiries = expiries;
    }

    /**
     * Compiles every {@code .yml}/{@code .yaml} file of the folder (none when it does not exist)
     * against the rules.
     *
     * @throws RuleLoadException with every error as FILE:LINE, including a missing or unreadable {@code expires}
     */
    public static Suppressions load(RuleSet rules, Path folder) throws RuleLoadException, IOException {
        if (!Files.isDirectory(folder)) return NONE;
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path f : list.filter(Suppressions::isFilterFile).toList()) {
                files.put(f.toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        if (files.isEmpty()) return NONE;
        FilterSet filters = FilterSet.compile(rules, files);
        Map<RuleInfo, Instant> expiries = new HashMap<>();
        List<RuleError> errors = new ArrayList<>();
        for (RuleInfo f : filters.filters()) {
            JsonNode expires = f.document().get("expires");
            try {
                if (expires == null || expires.asText().isEmpty()) throw new DateTimeParseException("missing", "", 0);
                expiries.put(f, Instant.parse(expires.asText()));
            } catch (DateTimeParseException e) {
                errors.add(new RuleError(f.file(), f.line(), "a suppression needs expires: an RFC 3339 time like 2026-12-31T00:00:00Z"
                        + (expires == null ? "" : ", not '" + expires.asText() + "'")));
            }
        }
        if (!errors.isEmpty()) throw new RuleLoadException(errors);
        return new Suppressions(filters, Map.copyOf(expiries));
    }

    static boolean isFilterFile(Path p) {
        String name = p.getFileName().toString();
        return Files.isRegularFile(p) && (name.endsWith(".yml") || name.endsWith(".yaml"));
    }

    /** The live filter (not expired at {@code now}) of the rule that covers the event. */
    public Optional<RuleInfo> covering(String ruleId, Event event, Instant now) {
        if (filters == null) return Optional.empty();
        return filters.matching(ruleId, event).filter(f -> now.isBefore(expiries.get(f)));
    }

    /** Every filter with its expiry. */
    public Map<RuleInfo, Instant> all() {
        return expiries;
    }
}
