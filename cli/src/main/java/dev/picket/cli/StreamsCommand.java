package dev.picket.cli;

import dev.picket.engine.rule.RuleError;
import dev.picket.engine.rule.RuleLoadException;
import dev.picket.engine.sigma.RuleSet;
import dev.picket.store.StoreException;
import dev.picket.streams.StreamsApp;
import dev.picket.streams.config.SettingsException;
import dev.picket.streams.config.SettingsFile;
import dev.picket.streams.config.StreamsSettings;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "streams", mixinStandardHelpOptions = true,
        description = {"Runs the Kafka Streams runner: reads audit and runtime events from input topics, runs the rules "
                + "with correlation state in changelogged state stores (exactly once), and writes alerts to the output topic.",
                "Start more instances with the same applicationId to share the work; /metrics and /healthz on http.port."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:stopped", "1:the application failed", "2:bad configuration or a rule that does not load"})
final class StreamsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "YAML configuration (see the README).")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        StreamsSettings settings;
        RuleSet rules;
        try {
            if (!Files.isRegularFile(config)) {
                err.println(config + ": no such file");
                return ExitCode.USAGE;
            }
            settings = SettingsFile.read(config, System.getenv());
            rules = StreamsApp.rules(settings);
        } catch (SettingsException e) {
            e.problems().forEach(err::println);
            return ExitCode.USAGE;
        } catch (RuleLoadException e) {
            for (RuleError error : e.errors()) err.println(error);
            return ExitCode.USAGE;
        } catch (NoSuchFileException e) {
            err.println(e.getFile() + ": no such file or folder");
            return ExitCode.USAGE;
        } catch (IOException e) {
            err.println("cannot read " + config + " or the rules: " + e.getMessage());
            return ExitCode.USAGE;
        }
        StreamsApp app;
        try {
            app = new StreamsApp(settings, rules);
        } catch (StoreException | IOException e) {
            err.println(e.getMessage());
            return ExitCode.USAGE;
        }
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(app::close));
        app.start();
        err.println("picket: streams " + settings.applicationId() + " running " + rules.rules().size() + " rules over "
                + settings.inputTopics() + " -> " + settings.output()
                + (app.opsPort() < 0 ? "" : " (metrics and health on port " + app.opsPort() + ")"));
        err.flush();
        app.awaitStopped();
        return app.state() == KafkaStreams.State.ERROR ? ExitCode.FAILED : ExitCode.OK;
    }
}
