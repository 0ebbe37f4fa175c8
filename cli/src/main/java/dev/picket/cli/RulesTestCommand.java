package dev.picket.cli;

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
import java.util.concurrent.Callable;

@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Runs rule tests: for each rule file X.yml, the cases in X.test.yml beside it.",
                "Each case's events go through the whole rule set on a fresh engine; the case passes when",
                "X.yml's rule (the one named X, else the first) fires exactly when its 'fires' says.",
                "Prints PASS/FAIL FILE:LINE per case."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every case passed", "1:some case failed", "2:a rule or test file does not load"})
final class RulesTestCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Rule files or folders; none: the built-in rules.")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuleSources sources = RulePaths.sources(paths, err);
        RuleSet rules = sources == null ? null : LoadedRules.build(sources, err);
        if (rules == null) return ExitCode.USAGE;
        RuleTests tests = new RuleTests(rules);
        List<RuleTests.Planned> plan;
        try {
            plan = tests.plan(sources);
        } catch (RuleTestException e) {
            e.errors().forEach(err::println);
            return ExitCode.USAGE;
        }
        int failed = 0;
        for (RuleTests.Planned p : plan) {
            RuleTests.Result r = tests.run(p);
            if (!r.passed()) failed++;
            out.println(r);
        }
        out.printf("%d case(s): %d passed, %d failed%n", plan.size(), plan.size() - failed, failed);
        return failed == 0 ? ExitCode.OK : ExitCode.FAILED;
    }
}
