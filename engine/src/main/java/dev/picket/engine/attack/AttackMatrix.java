package dev.picket.engine.attack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ATT&CK for Containers matrix of one ATT&CK release: tactics in matrix order, the techniques
 * and sub-techniques that list the Containers platform, and the technique IDs that release revoked
 * (old ID to replacing ID) so rules written against the older release still resolve.
 */
public final class AttackMatrix {
    private static final Map<AttackVersion, AttackMatrix> BUNDLED = new EnumMap<>(AttackVersion.class);

    private final String version;
    private final List<Tactic> tactics;
    private final Map<String, Technique> techniques;
    private final Map<String, String> revoked;

    private AttackMatrix(String version, List<Tactic> tactics, Map<String, Technique> techniques,
                         Map<String, String> revoked) {
        this.version = version;
        this.tactics = List.copyOf(tactics);
        this.techniques = techniques;
        this.revoked = revoked;
    }

    /** The matrix shipped with Picket for that release. */
    public static synchronized AttackMatrix bundled(AttackVersion version) {
        return BUNDLED.computeIfAbsent(version, v -> {
            try (InputStream in = AttackMatrix.class.getResourceAsStream(v.resource())) {
                if (in == null) throw new IllegalStateException("missing resource " + v.resource());
                return parse(new ObjectMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + v.resource(), e);
            }
        });
    }

    /** Reads the matrix file format ({@code tactics}, {@code techniques}, optional {@code revoked}). */
    public static AttackMatrix parse(JsonNode file) {
        List<Tactic> tactics = new ArrayList<>();
        for (JsonNode t : file.path("tactics")) {
            tactics.add(new Tactic(t.path("id").asText(), t.path("shortname").asText(), t.path("name").asText()));
        }
        Map<String, Technique> techniques = new LinkedHashMap<>();
        for (JsonNode t : file.path("techniques")) {
            List<String> phases = new ArrayList<>();
            t.path("tactics").forEach(p -> phases.add(p.asText()));
            String parent = t.hasNonNull("parent") ? t.get("parent").asText() : null;
            Technique technique = new Technique(t.path("id").asText(), t.path("name").asText(), phases, parent,
                    t.path("url").asText(null));
            techniques.put(technique.id(), technique);
        }
        Map<String, String> revoked = new LinkedHashMap<>();
        file.path("revoked").properties().forEach(e -> revoked.put(e.getKey(), e.getValue().asText()));
        return new AttackMatrix(file.path("attack_version").asText(), tactics, techniques, revoked);
    }

    /** The ATT&CK release, e.g. {@code 19.0}. */
    public String version() {
        return version;
    }

    public List<Tactic> tactics() {
        return tactics;
    }

    public List<Technique> techniques() {
        return List.copyOf(techniques.values());
    }

    public Optional<Technique> technique(String id) {
        return Optional.ofNullable(techniques.get(id));
    }

    public Optional<Tactic> tactic(String shortname) {
        return tactics.stream().filter(t -> t.shortname().equals(shortname)).findFirst();
    }

    /** The techniques under a tactic, parents before their sub-techniques, by ID. */
    public List<Technique> techniquesOf(String tacticShortname) {
        return techniques.values().stream().filter(t -> t.tactics().contains(tacticShortname)).toList();
    }

    /** The ID that replaced a technique this release revoked, or the ID itself. */
    public String current(String techniqueId) {
        return revoked.getOrDefault(techniqueId, techniqueId);
    }

    /** Old ID to replacing ID, for techniques this release revoked. */
    public Map<String, String> revoked() {
        return Map.copyOf(revoked);
    }

    /** Position of a tactic in matrix order, or {@code Integer.MAX_VALUE} for tactics not in the matrix. */
    public int order(String tacticShortname) {
        for (int i = 0; i < tactics.size(); i++) {
            if (tactics.get(i).shortname().equals(tacticShortname)) return i;
        }
        return Integer.MAX_VALUE;
    }
}
