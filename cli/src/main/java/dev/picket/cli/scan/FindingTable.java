package dev.picket.cli.scan;

import dev.picket.posture.Finding;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The readable form of a scan: one row per finding, columns sized to their content. */
public final class FindingTable {
    private static final String[] HEADER = {"SEVERITY", "RULE", "OBJECT", "CONTAINER", "FIELD", "SOURCE", "EXEMPTION"};

    private FindingTable() {
    }

    public static void print(List<Finding> findings, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Finding f : findings) {
            String container = f.firstContainer();
            rows.add(new String[] {f.severity().word(), f.ruleId(), f.object().reference(),
                    container == null ? "-" : container, f.firstField(), f.object().where(),
                    f.exempted() ? f.exemption() : ""});
        }
        int[] width = new int[HEADER.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(r[i]);
                if (i < r.length - 1) line.append(" ".repeat(width[i] - r[i].length() + 2));
            }
            out.println(line.toString().stripTrailing());
        }
        long open = findings.stream().filter(f -> !f.exempted()).count();
        out.println(findings.size() + " finding(s), " + open + " open, " + (findings.size() - open) + " exempted with a reason");
    }
}
