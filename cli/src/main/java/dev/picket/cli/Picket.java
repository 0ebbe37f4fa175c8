package dev.picket.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one entry point: {@code bin/picket COMMAND}. */
@Command(name = "picket",
        mixinStandardHelpOptions = true,
        version = "picket 0.1.0",
        description = "Threat detection for Kubernetes and containers.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Picket implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Picket()).execute(args));
    }
}
