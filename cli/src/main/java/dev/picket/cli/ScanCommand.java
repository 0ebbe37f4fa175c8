package dev.picket.cli;

import dev.picket.cli.scan.ClusterObjects;
import dev.picket.cli.scan.FindingTable;
import dev.picket.engine.alert.AlertFactory;
import dev.picket.engine.rule.Severity;
import dev.picket.engine.sigma.RuleSet;
import dev.picket.posture.Finding;
import dev.picket.posture.KubeObject;
import dev.picket.posture.ManifestReader;
import dev.picket.posture.ObjectEvent;
import dev.picket.posture.PostureEvaluator;
import dev.picket.rules.RuleSources;
import io.fabric8.kubernetes.client.KubernetesClientException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Posture findings for Kubernetes manifests (YAML/JSON, multi-document, List kinds, Helm or",
                "Kustomize output) or a live cluster, judged by the posture rules (posture: true) as alert lines.",
                "Objects exempt themselves from a rule with the annotation exempt.posture.picket.dev/RULE-ID: REASON;",
                "exempted findings are still listed, with the reason, and never fail the scan."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:no open finding at or above --fail-on (or no --fail-on)",
                "1:open findings at or above --fail-on",
                "2:bad usage, an input that cannot be opened, a rule that does not load, a cluster that cannot be read"})
final class ScanCommand implements Callable<Integer> {
    enum Format { json, text }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RuleOptions ruleOptions;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Manifest files or folders (.yaml, .yml, .json).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Also scan the cluster this kubeconfig reaches.")
    Path kubeconfig;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit 1 when an open finding is at or above this severity (informational, low, medium, high, critical).")
    String failOn;

    @Option(names = "--format", paramLabel = "F", defaultValue = "json",
            description = "json (one alert per line, with a finding block) or text (a table); default ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--cluster", paramLabel = "NAME", description = "Cluster name the findings carry (entity.cluster).")
    String cluster;

    private final Clock clock;

    ScanCommand() {
        this(Clock.systemUTC());
    }

    ScanCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (paths.isEmpty() && kubeconfig == null) {
            err.println("scan needs manifest paths, --kubeconfig, or both");
            return ExitCode.USAGE;
        }
        Severity threshold;
        try {
            threshold = failOn == null ? null : Severity.parse(failOn.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("--fail-on: " + e.getMessage());
            return ExitCode.USAGE;
        }
        RuleSources sources = LoadedRules.sources(ruleOptions, err);
        RuleSet rules = sources == null ? null : LoadedRules.build(sources, err);
        if (rules == null) return ExitCode.USAGE;

        List<KubeObject> objects = new ArrayList<>();
        try {
            for (Path p : paths) {
                for (Path file : ManifestReader.files(p)) ManifestReader.read(file, objects::add, err::println);
            }
            if (kubeconfig != null) objects.addAll(ClusterObjects.list(kubeconfig));
        } catch (NoSuchFileException e) {
            err.println(e.getFile() + ": no such file or folder");
            return ExitCode.USAGE;
        } catch (IOException e) {
            err.println("cannot read: " + e.getMessage());
            return ExitCode.USAGE;
        } catch (KubernetesClientException e) {
            err.println(kubeconfig + ": cannot list the cluster's objects: " + e.getMessage());
            return ExitCode.USAGE;
        }

        PostureEvaluator evaluator = new PostureEvaluator(rules, new AlertFactory(cluster));
        Instant now = clock.instant();
        List<Finding> findings = new ArrayList<>();
        for (KubeObject o : objects) findings.addAll(evaluator.evaluate(o, "scan", ObjectEvent.scanUser(), now));
        if (format == Format.text) {
            FindingTable.print(findings, out);
        } else {
            findings.forEach(f -> out.println(f.json().toString()));
        }
        out.flush();
        boolean fail = threshold != null && findings.stream()
                .anyMatch(f -> !f.exempted() && f.severity().compareTo(threshold) >= 0);
        return fail ? ExitCode.FAILED : ExitCode.OK;
    }
}
