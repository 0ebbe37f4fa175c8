package dev.picket.cli;

import dev.picket.engine.attack.AttackCatalogue;
import dev.picket.engine.attack.TagProblem;
import dev.picket.engine.rule.RuleError;
import dev.picket.engine.rule.RuleInfo;
import dev.picket.engine.rule.RuleLoadException;
import dev.picket.engine.sigma.RuleSet;
import dev.picket.rules.RuleSources;
import dev.picket.rules.RuleTestException;
import dev.picket.rules.RuleTests;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Validates rule files and, once they load, their tests, printing FILE:LINE: message for each problem.",
                "ATT&CK tags that name no tactic or technique are errors in built-in rules (under rules/sigma/)",
                "and warnings in user rules; ATT&CK 18 names (defense-evasion, revoked techniques) are warnings."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:no errors (warnings allowed)", "2:errors, or a path that does not exist"})
final class RulesLintCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Rule files or folders; none: the built-in rules.")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        RuleSources sources = RulePaths.sources(paths, spec.commandLine().getErr());
        if (sources == null) return ExitCode.USAGE;
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        RuleSet rules = null;
        try {
            rules = sources.build();
        } catch (RuleLoadException e) {
            e.errors().forEach(error -> errors.add(error.toString()));
        }
        if (rules != null) {
            checkAttack(rules, sources, errors, warnings);
            try {
                new RuleTests(rules).plan(sources);
            } catch (RuleTestException e) {
                e.errors().forEach(error -> errors.add(error.toString()));
            }
        }
        errors.forEach(out::println);
        warnings.forEach(out::println);
        int count = rules == null ? 0 : rules.rules().size();
        out.printf("%d rule(s) in %d file(s): %d error(s), %d warning(s)%n",
                count, sources.sources().size(), errors.size(), warnings.size());
        return errors.isEmpty() ? ExitCode.OK : ExitCode.USAGE;
    }

    private static void checkAttack(RuleSet rules, RuleSources sources, List<String> errors, List<String> warnings) {
        Map<String, RuleSources.Source> byName = sources.sources().stream()
                .collect(Collectors.toMap(RuleSources.Source::name, Function.identity(), (a, b) -> a));
        AttackCatalogue attack = AttackCatalogue.bundled();
        for (RuleInfo rule : rules.rules()) {
            RuleSources.Source source = byName.get(rule.file());
            for (TagProblem problem : attack.problems(rule.tags())) {
                int line = source == null ? rule.line() : lineOf(source.text(), rule.line(), problem.tag());
                RuleError located = new RuleError(rule.file(), line, problem.message());
                boolean error = problem.kind() == TagProblem.Kind.UNKNOWN && (source == null || source.builtin());
                if (error) errors.add(located.toString());
                else warnings.add(rule.file() + ":" + line + ": warning: " + problem.message());
            }
        }
    }

    /** The line, from the rule's first line on, where the tag is written; the rule's line when not found. */
    private static int lineOf(String text, int from, String tag) {
        List<String> lines = text.lines().toList();
        for (int i = Math.max(0, from - 1); i < lines.size(); i++) {
            if (lines.get(i).contains(tag)) return i + 1;
        }
        return from;
    }
}
