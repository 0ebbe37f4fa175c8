package dev.picket.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.picket.cli.coverage.CoverageTable;
import dev.picket.cli.coverage.NavigatorLayer;
import dev.picket.engine.attack.AttackMatrix;
import dev.picket.engine.attack.AttackVersion;
import dev.picket.engine.attack.Coverage;
import dev.picket.engine.rule.RuleInfo;
import dev.picket.engine.sigma.RuleSet;
import dev.picket.rules.RuleSources;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = {"Shows the ATT&CK for Containers matrix with the rules behind each technique.",
                "A parent technique counts as covered when one of its sub-techniques is."})
final class CoverageCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RuleOptions ruleOptions;

    @Option(names = "--navigator", paramLabel = "FILE",
            description = "Also write an ATT&CK Navigator layer (JSON) to FILE; score = number of rules.")
    Path navigator;

    @Option(names = "--attack-version", paramLabel = "19|18", defaultValue = "19",
            description = "ATT&CK release of the matrix (default: ${DEFAULT-VALUE}).", converter = VersionConverter.class)
    AttackVersion version;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuleSources sources = LoadedRules.sources(ruleOptions, err);
        RuleSet rules = sources == null ? null : LoadedRules.build(sources, err);
        if (rules == null) return ExitCode.USAGE;
        Map<String, List<String>> tags = new LinkedHashMap<>();
        for (RuleInfo r : rules.rules()) tags.merge(r.ruleId(), r.tags(), CoverageCommand::concat);
        Coverage coverage = new Coverage(AttackMatrix.bundled(version), tags);
        out.print(CoverageTable.render(coverage));
        if (navigator != null) {
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(navigator.toFile(), NavigatorLayer.of(coverage));
            out.println("\nNavigator layer written to " + navigator);
        }
        return ExitCode.OK;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    static final class VersionConverter implements CommandLine.ITypeConverter<AttackVersion> {
        @Override
        public AttackVersion convert(String value) {
            try {
                return AttackVersion.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
