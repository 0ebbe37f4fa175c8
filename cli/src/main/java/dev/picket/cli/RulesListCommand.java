package dev.picket.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.attack.AttackCatalogue;
import dev.picket.engine.attack.AttackLabels;
import dev.picket.engine.rule.RuleInfo;
import dev.picket.engine.sigma.RuleSet;
import dev.picket.rules.RuleSources;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists rules: id, level, ATT&CK tactics and techniques, title.")
final class RulesListCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RuleOptions ruleOptions;

    @Option(names = "--json", description = "One JSON object per rule and line instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RuleSources sources = LoadedRules.sources(ruleOptions, err);
        RuleSet rules = sources == null ? null : LoadedRules.build(sources, err);
        if (rules == null) return ExitCode.USAGE;
        AttackCatalogue attack = AttackCatalogue.bundled();
        List<RuleInfo> sorted = rules.rules().stream().sorted(Comparator.comparing(RuleInfo::ruleId)).toList();
        if (json) {
            for (RuleInfo r : sorted) out.println(JSON.writeValueAsString(json(r, attack.labels(r.tags()))));
            return ExitCode.OK;
        }
        List<String> tags = sorted.stream().map(r -> tags(attack.labels(r.tags()))).toList();
        int idWidth = Math.max(2, sorted.stream().mapToInt(r -> r.ruleId().length()).max().orElse(0));
        int tagWidth = Math.max(6, tags.stream().mapToInt(String::length).max().orElse(0));
        String row = "%-" + idWidth + "s  %-13s  %-" + tagWidth + "s  %s%n";
        out.printf(row, "ID", "LEVEL", "ATT&CK", "TITLE");
        for (int i = 0; i < sorted.size(); i++) {
            RuleInfo r = sorted.get(i);
            out.printf(row, r.ruleId(), r.level() == null ? "-" : r.level().word(), tags.get(i), r.title());
        }
        return ExitCode.OK;
    }

    /** {@code execution,privilege-escalation T1610,T1611}; {@code -} for none. */
    private static String tags(AttackLabels labels) {
        String text = String.join(",", labels.tactics())
                + (labels.techniques().isEmpty() ? "" : " " + String.join(",", labels.techniques()));
        return text.isBlank() ? "-" : text.strip();
    }

    private static ObjectNode json(RuleInfo r, AttackLabels labels) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", r.ruleId());
        o.put("sigmaId", r.id());
        o.put("title", r.title());
        o.put("level", r.level() == null ? null : r.level().word());
        labels.tactics().forEach(o.putArray("tactics")::add);
        labels.techniques().forEach(o.putArray("techniques")::add);
        r.tags().forEach(o.putArray("tags")::add);
        o.put("file", r.file());
        o.put("line", r.line());
        return o;
    }
}
