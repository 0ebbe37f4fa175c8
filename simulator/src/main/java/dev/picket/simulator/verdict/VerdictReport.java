package dev.picket.simulator.verdict;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.util.List;

/** The verdict for people (one table per scenario) and for machines (one JSON document). */
public final class VerdictReport {
    private VerdictReport() {
    }

    public static boolean passed(List<ScenarioResult> results) {
        return results.stream().allMatch(ScenarioResult::passed);
    }

    public static void table(List<ScenarioResult> results, PrintWriter out) {
        for (ScenarioResult r : results) {
            int alertWidth = Math.max("expected alert".length(),
                    r.outcomes().stream().mapToInt(o -> o.expected().alert().length()).max().orElse(0));
            int idWidth = Math.max("catalogue id".length(),
                    r.outcomes().stream().mapToInt(o -> o.expected().id().length()).max().orElse(0));
            String row = "  %-" + alertWidth + "s  %-" + idWidth + "s  %-7s  %s%n";
            out.printf("scenario %s: %s%n", r.scenario(), r.passed() ? "PASS" : "FAIL");
            if (r.note() != null) out.printf("  note: %s%n", r.note());
            out.printf(row, "expected alert", "catalogue id", "result", "time to fire");
            for (Outcome o : r.outcomes()) {
                out.printf(row, o.expected().alert(), o.expected().id(), o.fired() ? "fired" : "MISSING",
                        o.fired() ? seconds(o) : "-");
            }
            out.println();
        }
        long fired = results.stream().flatMap(r -> r.outcomes().stream()).filter(Outcome::fired).count();
        long total = results.stream().mapToLong(r -> r.outcomes().size()).sum();
        out.printf("%d of %d expected alerts fired%n", fired, total);
        out.flush();
    }

    public static ObjectNode json(List<ScenarioResult> results) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("passed", passed(results));
        ArrayNode scenarios = root.putArray("scenarios");
        for (ScenarioResult r : results) {
            ObjectNode s = scenarios.addObject();
            s.put("scenario", r.scenario());
            s.put("passed", r.passed());
            if (r.note() != null) s.put("note", r.note());
            ArrayNode expected = s.putArray("expected");
            for (Outcome o : r.outcomes()) {
                ObjectNode e = expected.addObject();
                e.put("id", o.expected().id());
                e.put("alert", o.expected().alert());
                e.put("fired", o.fired());
                if (o.fired()) e.put("secondsToFire", o.timeToFire().toMillis() / 1000.0);
                else e.putNull("secondsToFire");
            }
        }
        return root;
    }

    private static String seconds(Outcome o) {
        return String.format("%.1f s", o.timeToFire().toMillis() / 1000.0);
    }
}
