package dev.picket.cli;

import dev.picket.rules.BuiltinRules;
import dev.picket.rules.RuleSources;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The rules of {@code rules lint|test [PATH...]}: the files under the paths, or the built-in rules when none are given. */
final class RulePaths {
    private RulePaths() {
    }

    /** The sources, or null after printing which path is missing or unreadable. */
    static RuleSources sources(List<Path> paths, PrintWriter err) {
        RuleSources sources = new RuleSources(BuiltinRules.load());
        if (paths.isEmpty()) return sources.addBuiltin();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                err.println(p + ": no such file or folder");
                return null;
            }
        }
        try {
            return sources.addFiles(paths);
        } catch (IOException e) {
            err.println("cannot read rules: " + e.getMessage());
            return null;
        }
    }
}
