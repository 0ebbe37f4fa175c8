package dev.picket.server.reload;

import dev.picket.engine.rule.RuleLoadException;
import dev.picket.engine.sigma.RuleSet;

import java.io.IOException;

/** Reads and compiles the rules afresh from where they live: the built-in set, rule folders, their placeholders and TI lists. */
@FunctionalInterface
public interface RuleLoader {
    RuleSet load() throws RuleLoadException, IOException;
}
