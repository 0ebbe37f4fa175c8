package dev.picket.engine.sigma.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code expand}: {@code %name%} placeholders replaced by each configured value (several
 * placeholders give every combination); {@code \%} is a plain percent sign.
 */
public final class Placeholders {
    private Placeholders() {}

    /** @throws IllegalArgumentException for an unknown or unterminated placeholder */
    public static List<String> expand(String raw, Map<String, List<String>> values) {
        List<StringBuilder> out = new ArrayList<>(List.of(new StringBuilder()));
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && raw.charAt(i + 1) == '%') {
                for (StringBuilder b : out) b.append('%');
                i += 2;
            } else if (c == '%') {
                int end = raw.indexOf('%', i + 1);
                if (end < 0) throw new IllegalArgumentException("unterminated placeholder in '" + raw + "'");
                String name = raw.substring(i + 1, end);
                List<String> replacements = values.get(name);
                if (replacements == null || replacements.isEmpty()) {
                    throw new IllegalArgumentException("no values for placeholder %" + name + "%");
                }
                List<StringBuilder> next = new ArrayList<>();
                for (StringBuilder b : out) {
                    for (String r : replacements) next.add(new StringBuilder(b).append(r));
                }
                out = next;
                i = end + 1;
            } else {
                for (StringBuilder b : out) b.append(c);
                i++;
            }
        }
        return out.stream().map(StringBuilder::toString).toList();
    }
}
