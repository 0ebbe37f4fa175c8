package dev.picket.cli;

import dev.picket.engine.rule.RuleError;
import dev.picket.engine.rule.RuleLoadException;
import dev.picket.engine.sigma.RuleSet;
import dev.picket.rules.RuleSources;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;

/**
 * Loads the rules a command was given, printing every FILE:LINE error when they do not load, so each
 * command can simply stop with {@link ExitCode#USAGE} on null.
 */
final class LoadedRules {
    private LoadedRules() {
    }

    /** The sources, or null after printing why they cannot be read. */
    static RuleSources sources(RuleOptions options, PrintWriter err) {
        try {
            return options.sources();
        } catch (NoSuchFileException e) {
            err.println(e.getFile() + ": no such file or folder");
        } catch (IOException e) {
            err.println("cannot read rules: " + e.getMessage());
        }
        return null;
    }

    /** The compiled rule set, or null after printing every error. */
    static RuleSet build(RuleSources sources, PrintWriter err) {
        try {
            return sources.build();
        } catch (RuleLoadException e) {
            for (RuleError error : e.errors()) err.println(error);
            return null;
        }
    }
}
