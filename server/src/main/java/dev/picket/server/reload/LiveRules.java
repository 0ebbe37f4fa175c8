package dev.picket.server.reload;

import dev.picket.engine.rule.RuleError;
import dev.picket.engine.rule.RuleLoadException;
import dev.picket.engine.sigma.RuleSet;
import dev.picket.server.suppress.LiveSuppressions;
import dev.picket.server.suppress.Suppressions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The rules, suppressions and overrides in force, reloaded as one: everything is read and compiled
 * first, and only when all of it compiles is it put in force together. A broken file leaves the
 * previous set running and is reported as FILE:LINE.
 */
public final class LiveRules implements Supplier<RuleSet> {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRules.class);

    private final RuleLoader loader;
    private final LiveSuppressions suppressions;
    private final Map<String, RuleOverride> overrides;
    private volatile RuleSet current;

    /** The outcome of a reload: the errors (empty when it took effect) and what is in force after it. */
    public record Outcome(List<String> errors, int rules, int suppressions) {
        public boolean applied() {
            return errors.isEmpty();
        }
    }

    /** Loads the first set; errors here stop the server from starting. */
    public LiveRules(RuleLoader loader, LiveSuppressions suppressions, Map<String, RuleOverride> overrides)
            throws RuleLoadException, IOException {
        this.loader = loader;
        this.suppressions = suppressions;
        this.overrides = Map.copyOf(overrides);
        RuleSet rules = loader.load();
        checkOverrides(rules);
        Suppressions loaded = suppressions.compile(rules);
        this.current = rules;
        suppressions.set(loaded);
    }

    @Override
    public RuleSet get() {
        return current;
    }

    public LiveSuppressions suppressions() {
        return suppressions;
    }

    public Map<String, RuleOverride> overrides() {
        return overrides;
    }

    public synchronized Outcome reload() {
        try {
            RuleSet rules = loader.load();
            checkOverrides(rules);
            Suppressions loaded = suppressions.compile(rules);
            current = rules;
            suppressions.set(loaded);
            LOG.info("reloaded {} rules and {} suppressions", rules.rules().size(), loaded.all().size());
            return new Outcome(List.of(), rules.rules().size(), loaded.all().size());
        } catch (RuleLoadException e) {
            List<String> errors = e.errors().stream().map(r -> r.file() + ":" + r.line() + ": " + r.message()).toList();
            errors.forEach(err -> LOG.warn("reload rejected, previous rules stay in force: {}", err));
            return new Outcome(errors, current.rules().size(), suppressions.get().all().size());
        } catch (IOException e) {
            LOG.warn("reload rejected, previous rules stay in force: {}", e.getMessage());
            return new Outcome(List.of("cannot read the rules: " + e.getMessage()), current.rules().size(),
                    suppressions.get().all().size());
        }
    }

    /** An override of a rule that does not exist is a typo that would silently do nothing. */
    private void checkOverrides(RuleSet rules) throws RuleLoadException {
        List<RuleError> errors = new ArrayList<>();
        overrides.keySet().forEach(id -> {
            if (rules.rules().stream().noneMatch(r -> r.ruleId().equals(id))) {
                errors.add(new RuleError("configuration", 0, "rules.overrides names unknown rule '" + id + "'"));
            }
        });
        if (!errors.isEmpty()) throw new RuleLoadException(errors);
    }
}
