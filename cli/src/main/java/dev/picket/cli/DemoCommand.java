package dev.picket.cli;

import dev.picket.cli.simulate.EmbeddedServer;
import dev.picket.cli.simulate.LocalMode;
import dev.picket.simulator.Simulation;
import dev.picket.simulator.Target;
import dev.picket.simulator.ingest.PicketIngest;
import dev.picket.simulator.ingest.ReplayTarget;
import dev.picket.simulator.scenario.Scenario;
import dev.picket.simulator.scenario.Scenarios;
import dev.picket.simulator.verdict.AlertWatcher;
import dev.picket.simulator.verdict.ScenarioResult;
import dev.picket.simulator.verdict.VerdictReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Starts the server on the embedded store, runs every attack scenario against it, and leaves the web UI up "
                + "with the alerts and incidents to browse.",
                "As root the scenarios run for real in local mode (see picket simulate); otherwise recorded telemetry of the "
                        + "same scenarios is replayed through the same pipeline."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:stopped", "2:the server or the simulation could not start"})
final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8443", description = "Port for the server and UI (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "picket-demo-data",
            description = "Directory for the demo's store (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for each scenario's alerts (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Scenario> scenarios = Scenarios.BUILT_IN.stream().filter(n -> !n.equals("all")).map(Scenarios.builtIn()::get).toList();
        EmbeddedServer server;
        try {
            server = EmbeddedServer.start(data, port, SimulateCommand.rules(err));
        } catch (IOException | RuntimeException e) {
            err.println("demo: cannot start the server: " + e.getMessage());
            return ExitCode.USAGE;
        }
        try (server) {
            boolean live = LocalMode.root();
            SimulateCommand.progress(err, live ? "running every scenario in local mode (root)"
                    : "not root: replaying recorded telemetry of a local run of every scenario through the same pipeline");
            List<ScenarioResult> results;
            try (Target target = live ? LocalMode.start(new PicketIngest(server.api()))
                    : new ReplayTarget(new PicketIngest(server.api()), Clock.systemUTC())) {
                results = new Simulation(target, new AlertWatcher(server.api(), Clock.systemUTC(), Duration.ofMillis(500)),
                        Clock.systemUTC(), line -> SimulateCommand.progress(err, line)).run(scenarios, Duration.ofSeconds(timeoutSeconds));
            } catch (IOException e) {
                err.println("demo: the simulation could not run: " + e.getMessage());
                results = List.of();
            }
            VerdictReport.table(results, out);
            out.println();
            out.println("Picket web UI: " + server.url());
            out.println("token:         " + server.token());
            out.println("(data in " + data.toAbsolutePath() + "; Ctrl-C stops the server)");
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(stopped::countDown));
            stopped.await();
        }
        return ExitCode.OK;
    }
}
