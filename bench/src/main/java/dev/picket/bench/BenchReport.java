package dev.picket.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.bench.cel.CelRules;

import java.util.List;
import java.util.Locale;

/** The figures of one {@code picket bench} run, as one JSON object or as text with the ratios. */
public record BenchReport(BenchSuite.Settings settings, Audit audit, Runtime runtime, double bytesPerGroup,
                          int celTranslated, List<CelRules.Untranslated> celUntranslated, Machine machine) {

    public record Audit(double parseEps, double engineEps, double celEps) {
    }

    public record Runtime(double parseEps, double engineEps) {
    }

    /** {@code audit.*}, {@code runtime.*}, {@code correlation.*}, {@code machine}, {@code jvm}. */
    public ObjectNode json() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ObjectNode a = root.putObject("audit");
        a.put("parse_eps", Math.round(audit.parseEps));
        a.put("engine_eps", Math.round(audit.engineEps));
        a.put("cel_eps", Math.round(audit.celEps));
        ObjectNode r = root.putObject("runtime");
        r.put("parse_eps", Math.round(runtime.parseEps));
        r.put("engine_eps", Math.round(runtime.engineEps));
        root.putObject("correlation").put("bytes_per_group", Math.round(bytesPerGroup));
        ObjectNode m = root.putObject("machine");
        m.put("cores", machine.cores());
        m.put("cpu", machine.cpu());
        m.put("os", machine.os());
        m.put("load_average", Math.round(machine.loadAverage() * 100) / 100.0);
        root.put("jvm", machine.jvm());
        return root;
    }

    /** The figures and their ratios for people. */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "picket bench: %,d audit and %,d runtime events, %d thread%s, %.1f s per figure%n",
                settings.events(), settings.events(), settings.threads(), settings.threads() == 1 ? "" : "s", settings.seconds()));
        b.append(String.format(Locale.ROOT, "audit    parse  %,12.0f events/s%n", audit.parseEps));
        b.append(String.format(Locale.ROOT, "         engine %,12.0f events/s   engine/parse %.2f%n", audit.engineEps, audit.engineEps / audit.parseEps));
        b.append(String.format(Locale.ROOT, "         cel    %,12.0f events/s   engine/cel   %.1f  (%d rules as CEL, %d left out)%n",
                audit.celEps, audit.engineEps / audit.celEps, celTranslated, celUntranslated.size()));
        b.append(String.format(Locale.ROOT, "runtime  parse  %,12.0f events/s%n", runtime.parseEps));
        b.append(String.format(Locale.ROOT, "         engine %,12.0f events/s   engine/parse %.2f%n", runtime.engineEps, runtime.engineEps / runtime.parseEps));
        b.append(String.format(Locale.ROOT, "correlation  %.0f bytes per open value_count group (%d values each, %,d groups)%n",
                bytesPerGroup, CorrelationFootprint.VALUES_PER_GROUP, settings.groups()));
        b.append(String.format(Locale.ROOT, "machine  %d cores, %s, %s, load average %.2f%n", machine.cores(), machine.cpu(), machine.os(), machine.loadAverage()));
        b.append("jvm      ").append(machine.jvm()).append(System.lineSeparator());
        for (CelRules.Untranslated u : celUntranslated) {
            b.append("  not in the CEL baseline: ").append(u.ruleId()).append(" (").append(u.reason()).append(')').append(System.lineSeparator());
        }
        return b.toString();
    }
}
