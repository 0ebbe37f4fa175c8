package dev.picket.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.bench.BenchReport;
import dev.picket.bench.BenchSuite;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures Picket on generated realistic data (a busy cluster's audit log, busy nodes' runtime events):",
                "Jackson's streaming parse as the floor, the engine with the built-in rules, a CEL baseline, and the",
                "heap an open correlation group holds. All figures come from one run on the same data."})
final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object (audit.*, runtime.*, correlation.*, machine, jvm).")
    boolean json;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Threads per measurement, each with its own engine (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--events", paramLabel = "N", defaultValue = "20000",
            description = "Events generated per kind (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "3",
            description = "Measured seconds per figure, interleaved in rounds, after half as long again to warm up (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--groups", paramLabel = "N", defaultValue = "100000",
            description = "Open correlation groups for the heap figure (default: ${DEFAULT-VALUE}).")
    int groups;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        BenchSuite.Settings settings;
        try {
            settings = new BenchSuite.Settings(events, threads, seconds, groups);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("picket bench: " + e.getMessage());
            return ExitCode.USAGE;
        }
        BenchReport report = BenchSuite.run(settings);
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(report.json()));
            report.celUntranslated().forEach(u -> spec.commandLine().getErr()
                    .println("picket bench: not in the CEL baseline: " + u.ruleId() + " (" + u.reason() + ")"));
        } else {
            out.print(report.text());
        }
        out.flush();
        return ExitCode.OK;
    }
}
