package dev.picket.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.cli.simulate.EmbeddedServer;
import dev.picket.cli.simulate.LocalMode;
import dev.picket.engine.sigma.RuleSet;
import dev.picket.simulator.Simulation;
import dev.picket.simulator.Target;
import dev.picket.simulator.cluster.ClusterTarget;
import dev.picket.simulator.ingest.EventSink;
import dev.picket.simulator.ingest.PicketIngest;
import dev.picket.simulator.ingest.Recording;
import dev.picket.simulator.scenario.Scenario;
import dev.picket.simulator.scenario.ScenarioException;
import dev.picket.simulator.scenario.Scenarios;
import dev.picket.simulator.verdict.AlertWatcher;
import dev.picket.simulator.verdict.PicketApi;
import dev.picket.simulator.verdict.ScenarioResult;
import dev.picket.simulator.verdict.VerdictReport;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Runs attack scenarios against a victim and reports, per scenario, each expected alert and whether it fired.",
                "Local mode (default; needs root): a jailed victim container on this machine, with stand-ins for the API "
                        + "server and the metadata service, judged by a Picket server started here (or --server).",
                "Cluster mode (--kubeconfig): attacker and victim pods in namespace picket-simulation; alerts are read "
                        + "from the Picket server the cluster reports to (--server, --token)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every expected alert fired", "1:some expected alert did not fire", "2:bad usage or the simulation could not run"})
final class SimulateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "NAME", defaultValue = "all",
            description = "recon, lateral-movement, secrets, crypto, webshell, ti-domain, all (default), or one from --scenarios.")
    String scenario;

    @Option(names = "--scenarios", paramLabel = "DIR", description = "Adds the scenario files (*.yml) in DIR.")
    Path scenarioDir;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Runs in this cluster instead of locally.")
    Path kubeconfig;

    @Option(names = "--server", paramLabel = "URL", description = "The Picket server to read alerts from (and, in local mode, to send telemetry to).")
    URI server;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:PICKET_TOKEN}",
            description = "Bearer token for --server (default: PICKET_TOKEN).")
    String token;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to wait for each scenario's alerts (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--keep", description = "Cluster mode: keep the namespace and pods afterwards.")
    boolean keep;

    @Option(names = "--json", description = "Writes the verdict as one JSON document.")
    boolean json;

    @Option(names = "--record", paramLabel = "FILE", description = "Local mode: also writes the telemetry sent to Picket to FILE (JSON lines).")
    Path record;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Scenario chosen;
        try {
            Scenarios scenarios = Scenarios.builtIn();
            if (scenarioDir != null) scenarios.withDirectory(scenarioDir);
            chosen = scenarios.get(scenario);
        } catch (ScenarioException e) {
            err.println(e.getMessage());
            return ExitCode.USAGE;
        }
        if (kubeconfig != null && server == null) {
            err.println("--kubeconfig needs --server: the Picket server the cluster's audit webhook and sensors report to");
            return ExitCode.USAGE;
        }
        if (kubeconfig == null && !LocalMode.root()) {
            err.println("local mode needs root (namespaces, overlay root, cgroup, veth); run as root, use --kubeconfig, "
                    + "or try `picket demo`, which replays recorded telemetry without root");
            return ExitCode.USAGE;
        }
        List<ScenarioResult> results;
        try {
            results = run(List.of(chosen), err);
        } catch (IOException e) {
            err.println("simulate: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (json) out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(VerdictReport.json(results)));
        else VerdictReport.table(results, out);
        out.flush();
        return VerdictReport.passed(results) ? ExitCode.OK : ExitCode.FAILED;
    }

    private List<ScenarioResult> run(List<Scenario> scenarios, PrintWriter err) throws IOException, InterruptedException {
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        if (kubeconfig != null) {
            PicketApi api = new PicketApi(server, token);
            try (KubernetesClient client = new KubernetesClientBuilder()
                    .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build();
                 Target target = ClusterTarget.start(client, keep, Duration.ofMinutes(5), line -> progress(err, line))) {
                return simulation(target, api).run(scenarios, timeout);
            }
        }
        if (server != null) return local(new PicketApi(server, token), scenarios, timeout, err);
        try (EmbeddedServer embedded = EmbeddedServer.temporary(rules(err))) {
            progress(err, "Picket server on " + embedded.url() + " (embedded store, for this run)");
            return local(embedded.api(), scenarios, timeout, err);
        }
    }

    private List<ScenarioResult> local(PicketApi api, List<Scenario> scenarios, Duration timeout, PrintWriter err)
            throws IOException, InterruptedException {
        EventSink sink = new PicketIngest(api);
        Writer recording = record == null ? null : Files.newBufferedWriter(record);
        try (recording; Target target = LocalMode.start(recording == null ? sink : Recording.tee(recording, sink))) {
            return simulation(target, api).run(scenarios, timeout);
        }
    }

    private Simulation simulation(Target target, PicketApi api) {
        PrintWriter err = spec.commandLine().getErr();
        return new Simulation(target, new AlertWatcher(api, Clock.systemUTC(), Duration.ofMillis(500)), Clock.systemUTC(),
                line -> progress(err, line));
    }

    static void progress(PrintWriter err, String line) {
        err.println(line);
        err.flush();
    }

    static RuleSet rules(PrintWriter err) throws IOException {
        RuleSet rules = LoadedRules.build(LoadedRules.sources(new RuleOptions(), err), err);
        if (rules == null) throw new IOException("the built-in rules do not load");
        return rules;
    }
}
