package dev.picket.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.attack.AttackMatrix;
import dev.picket.engine.attack.StixMatrixExtractor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "attack", mixinStandardHelpOptions = true,
        description = "The ATT&CK data Picket labels alerts with.",
        subcommands = AttackCommand.Refresh.class)
final class AttackCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "refresh", mixinStandardHelpOptions = true,
            description = {"Rebuilds the Containers matrix file from an official MITRE STIX Enterprise bundle",
                    "(enterprise-attack-X.Y.json from mitre-attack/attack-stix-data)."},
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {"0:written", "2:the bundle cannot be read or is not an Enterprise bundle"})
    static final class Refresh implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--stix", required = true, paramLabel = "FILE", description = "The STIX bundle.")
        Path stix;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the matrix JSON (default: stdout).")
        Path output;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            ObjectMapper json = new ObjectMapper();
            ObjectNode matrix;
            try {
                JsonNode bundle = json.readTree(stix.toFile());
                matrix = StixMatrixExtractor.extract(bundle);
            } catch (JsonProcessingException e) {
                err.println(stix + ":" + e.getLocation().getLineNr() + ": not JSON: " + e.getOriginalMessage());
                return ExitCode.USAGE;
            } catch (IOException e) {
                err.println(stix + ": cannot read: " + e.getMessage());
                return ExitCode.USAGE;
            } catch (IllegalArgumentException e) {
                err.println(stix + ": " + e.getMessage());
                return ExitCode.USAGE;
            }
            String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(matrix) + "\n";
            if (output == null) {
                spec.commandLine().getOut().print(text);
            } else {
                Files.writeString(output, text);
                AttackMatrix m = AttackMatrix.parse(matrix);
                err.printf("%s: ATT&CK %s, %d tactics, %d techniques%n", output, m.version(), m.tactics().size(), m.techniques().size());
            }
            return ExitCode.OK;
        }
    }
}
