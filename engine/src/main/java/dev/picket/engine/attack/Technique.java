package dev.picket.engine.attack;

import java.util.List;

/**
 * An ATT&CK technique or sub-technique with its tactics (short names, in matrix order). {@code parent}
 * is the parent technique's ID for a sub-technique, else null.
 */
public record Technique(String id, String name, List<String> tactics, String parent, String url) {
    public Technique {
        tactics = List.copyOf(tactics);
    }

    public boolean isSubTechnique() {
        return parent != null;
    }
}
