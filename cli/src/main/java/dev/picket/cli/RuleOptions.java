package dev.picket.cli;

import dev.picket.rules.BuiltinRules;
import dev.picket.rules.RuleSources;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Which rules a command works on: the built-in ones unless left out, plus user rule files or folders. */
final class RuleOptions {
    @Option(names = "--rules", paramLabel = "PATH",
            description = "Sigma rule file or folder (searched recursively for .yml/.yaml, *.test.yml skipped); repeatable.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--no-builtin", description = "Leave the built-in rules out.")
    boolean noBuiltin;

    RuleSources sources() throws IOException {
        RuleSources sources = new RuleSources(BuiltinRules.load());
        if (!noBuiltin) sources.addBuiltin();
        return sources.addFiles(rules);
    }
}
