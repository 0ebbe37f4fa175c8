package dev.picket.cli;

import dev.picket.engine.sigma.RuleSet;
import dev.picket.rules.RuleSources;
import dev.picket.server.PicketServer;
import dev.picket.server.admission.AdmissionPolicy;
import dev.picket.server.config.ConfigException;
import dev.picket.server.ops.Operations;
import dev.picket.server.config.ServerConfig;
import dev.picket.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the server: audit webhook (POST /v1/audit), sensor ingest (POST /v1/events), "
                + "alert store, REST API, metrics and the web UI at /.",
                "Callers authenticate with the bearer token in PICKET_TOKEN (or token: in the config file), "
                        + "or with a client certificate (tls.clientCa)."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:stopped", "2:bad configuration or a rule that does not load"})
final class ServeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration (see the README).")
    Path config;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default 8443; 0 picks a free one).")
    Integer port;

    @Option(names = "--data", paramLabel = "DIR", description = "Directory for the journal and the SQLite store (default picket-data).")
    Path data;

    @Option(names = "--admission-policy", paramLabel = "FILE",
            description = "Admission policy for POST /v1/admit: modes per namespace/labels, exempt namespaces, "
                    + "Sigma exemption filters (see the README). Default: audit from medium up, system namespaces exempt.")
    Path admissionPolicy;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        ServerConfig settings;
        try {
            if (config != null && !Files.isRegularFile(config)) {
                err.println(config + ": no such file");
                return ExitCode.USAGE;
            }
            settings = (config == null ? ServerConfig.defaults(System.getenv()) : ServerConfig.load(config, System.getenv()))
                    .withFlags(port, data);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return ExitCode.USAGE;
        }
        AdmissionPolicy admission;
        try {
            admission = admissionPolicy == null ? AdmissionPolicy.defaults() : AdmissionPolicy.load(admissionPolicy);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return ExitCode.USAGE;
        }
        RuleOptions ruleOptions = new RuleOptions();
        ruleOptions.rules = new ArrayList<>(settings.rules());
        ruleOptions.rules.addAll(admission.exemptions()); // Sigma filters: they name the rules they exempt from
        RuleSources sources = LoadedRules.sources(ruleOptions, err);
        RuleSet rules = sources == null ? null : LoadedRules.build(sources, err);
        if (rules == null) return ExitCode.USAGE;

        PicketServer server;
        try {
            Operations operations = config == null ? Operations.defaults(settings.data()) : Operations.load(config, settings.data());
            // Each reload reads the rule files, their placeholders and TI lists afresh.
            server = new PicketServer(settings, () -> ruleOptions.sources().build(), admission, operations).start();
        } catch (ConfigException | StoreException e) {
            err.println(e.getMessage());
            return ExitCode.USAGE;
        } catch (IOException e) {
            err.println("cannot open the journal in " + settings.data() + ": " + e.getMessage());
            return ExitCode.USAGE;
        }
        String scheme = settings.tls().enabled() ? "https" : "http";
        err.println("picket: serving " + rules.rules().size() + " rules on " + scheme + "://localhost:" + server.port()
                + "/ (data in " + settings.data().toAbsolutePath() + ")");
        err.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
        return ExitCode.OK;
    }
}
