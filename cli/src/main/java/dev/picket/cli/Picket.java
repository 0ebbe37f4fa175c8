package dev.picket.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The one entry point: {@code bin/picket COMMAND}. */
@Command(name = "picket",
        mixinStandardHelpOptions = true,
        version = "picket 0.1.0",
        description = "Threat detection for Kubernetes and containers.",
        subcommands = {
                DetectCommand.class,
                ScanCommand.class,
                RulesCommand.class,
                CoverageCommand.class,
                AttackCommand.class,
                SensorCommand.class,
                BenchCommand.class,
                ServeCommand.class,
                SimulateCommand.class,
                DemoCommand.class,
                StreamsCommand.class,
                CommandLine.HelpCommand.class})
public final class Picket implements Runnable {
    private final InputStream stdin;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** @param stdin what {@code -} reads as an input file */
    public Picket(InputStream stdin) {
        this.stdin = stdin;
    }

    InputStream stdin() {
        return stdin;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line over this root, as main and tests run it. */
    public static CommandLine commandLine(InputStream stdin) {
        return new CommandLine(new Picket(stdin));
    }

    public static void main(String[] args) {
        CommandLine cmd = commandLine(System.in);
        // Buffered: detect may write many alert lines; commands flush when a unit of output is done.
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        cmd.setOut(out);
        int exit = cmd.execute(args);
        out.flush();
        System.exit(exit);
    }
}
