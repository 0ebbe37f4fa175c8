package dev.picket.cli.coverage;

import dev.picket.engine.attack.AttackMatrix;
import dev.picket.engine.attack.Coverage;
import dev.picket.engine.attack.Tactic;
import dev.picket.engine.attack.Technique;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

/**
 * The coverage as text: a grid with one column per tactic in matrix order, one cell per technique
 * ({@code [x]} covered, {@code [ ]} not, then the number of rules), followed by every technique with
 * its name and the rule IDs behind it, uncovered ones marked, and the Enterprise-only techniques rules
 * carry besides.
 */
public final class CoverageTable {
    private static final int CELL = 19;

    private CoverageTable() {
    }

    public static String render(Coverage coverage) {
        AttackMatrix m = coverage.matrix();
        StringBuilder out = new StringBuilder();
        out.append("ATT&CK ").append(m.version()).append(" for Containers: ").append(coverage.coveredCount())
                .append(" of ").append(m.techniques().size()).append(" techniques covered\n\n");
        grid(coverage, out);
        out.append('\n');
        for (Tactic tactic : m.tactics()) {
            out.append(tactic.name()).append(" (").append(tactic.id()).append(")\n");
            for (Technique t : m.techniquesOf(tactic.shortname())) {
                SortedSet<String> rules = coverage.rules(t.id());
                out.append("  ").append(rules.isEmpty() ? "[ ] " : "[x] ").append(t.id()).append(' ').append(t.name())
                        .append(rules.isEmpty() ? "  (uncovered)" : ": " + String.join(", ", rules)).append('\n');
            }
        }
        if (!coverage.outsideMatrix().isEmpty()) {
            out.append("\nOther Enterprise techniques the rules carry\n");
            coverage.outsideMatrix().forEach((id, rules) ->
                    out.append("  ").append(id).append(": ").append(String.join(", ", rules)).append('\n'));
        }
        return out.toString();
    }

    private static void grid(Coverage coverage, StringBuilder out) {
        AttackMatrix m = coverage.matrix();
        List<List<String>> columns = new ArrayList<>();
        int rows = 0;
        for (Tactic tactic : m.tactics()) {
            List<String> cells = new ArrayList<>();
            for (Technique t : m.techniquesOf(tactic.shortname())) {
                int n = coverage.rules(t.id()).size();
                cells.add((n == 0 ? "[ ] " : "[x] ") + t.id() + (n == 0 ? "" : " (" + n + ")"));
            }
            columns.add(cells);
            rows = Math.max(rows, cells.size());
        }
        // Tactic names on two lines ("Privilege" over "Escalation") keep the columns narrow.
        row(out, m.tactics().stream().map(t -> firstWord(t.name())).toList());
        row(out, m.tactics().stream().map(t -> t.name().substring(firstWord(t.name()).length()).strip()).toList());
        row(out, m.tactics().stream().map(t -> "-".repeat(CELL - 1)).toList());
        for (int r = 0; r < rows; r++) {
            int at = r;
            row(out, columns.stream().map(cells -> at < cells.size() ? cells.get(at) : "").toList());
        }
    }

    /** One grid line; no trailing blanks, which are noise in a terminal and in diffs. */
    private static void row(StringBuilder out, List<String> cells) {
        StringBuilder line = new StringBuilder();
        cells.forEach(c -> line.append(pad(c)));
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String firstWord(String name) {
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    private static String pad(String s) {
        String cut = s.length() >= CELL ? s.substring(0, CELL - 1) : s;
        return cut + " ".repeat(CELL - cut.length());
    }
}
