package dev.picket.cli;

import dev.picket.engine.Engine;
import dev.picket.engine.alert.AlertFactory;
import dev.picket.engine.alert.AlertJson;
import dev.picket.engine.sigma.RuleSet;
import dev.picket.io.decode.DecodeSettings;
import dev.picket.io.decode.InputFormat;
import dev.picket.io.decode.InputReader;
import dev.picket.rules.RuleSources;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Runs the rules over recorded inputs and writes one alert per line as JSON to stdout.",
                "Decoding errors go to stderr as FILE:LINE: reason; the rest of the input is still read."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:it ran", "2:bad usage, an input that cannot be opened, or a rule that does not load"})
final class DetectCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    Picket root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RuleOptions ruleOptions;

    @Option(names = "--input-format", paramLabel = "F",
            description = "Read every input as this format instead of recognising it per input: ${COMPLETION-CANDIDATES}.",
            converter = InputFormatConverter.class, completionCandidates = InputFormatConverter.Candidates.class)
    InputFormat format;

    @Option(names = "--cluster", paramLabel = "NAME", description = "Cluster name the alerts carry (entity.cluster).")
    String cluster;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Input files; - reads stdin.")
    List<String> files;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (String f : files) {
            if (!f.equals("-") && !Files.isRegularFile(Path.of(f))) {
                err.println(f + ": no such file");
                return ExitCode.USAGE;
            }
        }
        RuleSources sources = LoadedRules.sources(ruleOptions, err);
        RuleSet rules = sources == null ? null : LoadedRules.build(sources, err);
        if (rules == null) return ExitCode.USAGE;

        Engine engine = new Engine(rules);
        AlertFactory alerts = new AlertFactory(cluster);
        InputReader reader = new InputReader(DecodeSettings.defaults(Clock.systemUTC()).withFormat(format).withCluster(cluster));
        for (String f : files) {
            try (InputStream in = f.equals("-") ? root.stdin() : Files.newInputStream(Path.of(f))) {
                reader.read(f, in,
                        event -> engine.process(event, match -> out.println(AlertJson.line(alerts.create(match)))),
                        error -> err.println(error));
            }
            out.flush();
        }
        return ExitCode.OK;
    }
}
