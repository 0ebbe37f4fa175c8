package dev.picket.engine.attack;

import java.util.Locale;

/** The ATT&CK releases Picket ships a Containers matrix for. */
public enum AttackVersion {
    V18("containers-matrix.json"),
    V19("containers-matrix-v19.json");

    public static final AttackVersion DEFAULT = V19;

    private final String resource;

    AttackVersion(String resource) {
        this.resource = resource;
    }

    /** The bundled matrix file, beside this class. */
    String resource() {
        return resource;
    }

    /** Accepts "19", "19.0", "v19", "18", "18.1". */
    public static AttackVersion parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("v")) t = t.substring(1);
        int dot = t.indexOf('.');
        String major = dot < 0 ? t : t.substring(0, dot);
        return switch (major) {
            case "18" -> V18;
            case "19" -> V19;
            default -> throw new IllegalArgumentException("unknown ATT&CK version '" + text + "' (known: 19, 18)");
        };
    }
}
