package dev.picket.engine.event;

import java.util.Objects;

/**
 * Sigma log source of an event or a rule. A rule's log source admits an event when every field the
 * rule states equals the event's (fields the rule leaves out admit anything).
 */
public record LogSource(String product, String category, String service) {

    public static final LogSource KUBERNETES_AUDIT = new LogSource("kubernetes", "application", "audit");
    public static final LogSource SSHD = new LogSource("linux", null, "sshd");

    public static LogSource linux(String category) {
        return new LogSource("linux", category, null);
    }

    public boolean admits(LogSource event) {
        return admitsField(product, event.product)
                && admitsField(category, event.category)
                && admitsField(service, event.service);
    }

    private static boolean admitsField(String rule, String event) {
        return rule == null || rule.equalsIgnoreCase(Objects.requireNonNullElse(event, ""));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        append(b, "product", product);
        append(b, "category", category);
        append(b, "service", service);
        return b.toString();
    }

    private static void append(StringBuilder b, String name, String value) {
        if (value == null) return;
        if (!b.isEmpty()) b.append(", ");
        b.append(name).append(": ").append(value);
    }
}
