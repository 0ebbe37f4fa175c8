package dev.picket.engine.attack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything Picket knows about ATT&CK names: the Containers matrix of the current release (ATT&CK 19)
 * and every Enterprise technique of 18.1, so rules may carry Enterprise-only IDs as secondary labels.
 * Rules written against 18 keep working: {@code defense-evasion}, which ATT&CK 19 split into
 * {@code stealth} and {@code defense-impairment}, and revoked technique IDs are read as their successors.
 */
public final class AttackCatalogue {
    /** The 18.1 tactic ATT&CK 19 retired, and the tactics that took over its techniques. */
    private static final String DEFENSE_EVASION = "defense-evasion";
    private static final Set<String> DEFENSE_EVASION_SUCCESSORS = Set.of("stealth", "defense-impairment");
    private static final String STEALTH = "stealth";

    private static AttackCatalogue bundled;

    private final AttackMatrix matrix;
    /** Enterprise 18.1 technique ID to its 18.1 tactics. */
    private final Map<String, List<String>> enterprise;
    private final Map<String, String> enterpriseNames;
    private final Set<String> tactics = new LinkedHashSet<>();

    AttackCatalogue(AttackMatrix matrix, JsonNode enterpriseFile) {
        this.matrix = matrix;
        this.enterprise = new HashMap<>();
        this.enterpriseNames = new HashMap<>();
        for (JsonNode t : enterpriseFile.path("techniques")) {
            List<String> phases = new ArrayList<>();
            t.path("tactics").forEach(p -> phases.add(p.asText()));
            enterprise.put(t.path("id").asText(), phases);
            enterpriseNames.put(t.path("id").asText(), t.path("name").asText());
            tactics.addAll(phases);
        }
        tactics.remove(DEFENSE_EVASION);
        matrix.tactics().forEach(t -> tactics.add(t.shortname()));
    }

    /** The catalogue over the bundled default matrix and Enterprise technique list. */
    public static synchronized AttackCatalogue bundled() {
        if (bundled == null) {
            String resource = "enterprise-techniques-v18.1.json";
            try (InputStream in = AttackCatalogue.class.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException("missing resource " + resource);
                bundled = new AttackCatalogue(AttackMatrix.bundled(AttackVersion.DEFAULT), new ObjectMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return bundled;
    }

    public AttackMatrix matrix() {
        return matrix;
    }

    /** The technique's name, from the Containers matrix or the Enterprise list; null when unknown. */
    public String techniqueName(String id) {
        return matrix.technique(id).map(Technique::name).orElse(enterpriseNames.get(id));
    }

    /**
     * The alert labels for a rule's tags: techniques by their current IDs; tactics by their current
     * names, in matrix order. {@code defense-evasion} becomes whichever of {@code stealth} and
     * {@code defense-impairment} the rule's techniques now sit under, is dropped when its techniques
     * have left it (T1610), and is read as {@code stealth} when no technique says otherwise. A rule
     * with techniques but no tactic tags gets its techniques' tactics.
     */
    public AttackLabels labels(List<String> tags) {
        AttackTags attack = AttackTags.of(tags);
        List<String> techniques = attack.techniques().stream().map(matrix::current).distinct().toList();
        Set<String> techniqueTactics = new LinkedHashSet<>();
        techniques.forEach(id -> techniqueTactics.addAll(currentTactics(id)));
        Set<String> out = new LinkedHashSet<>();
        for (String tactic : attack.tactics()) {
            if (!tactic.equals(DEFENSE_EVASION)) {
                out.add(tactic);
                continue;
            }
            List<String> successors = techniqueTactics.stream().filter(DEFENSE_EVASION_SUCCESSORS::contains).toList();
            if (!successors.isEmpty()) out.addAll(successors);
            else if (techniqueTactics.isEmpty()) out.add(STEALTH);
        }
        if (out.isEmpty()) out.addAll(techniqueTactics);
        List<String> ordered = new ArrayList<>(out);
        ordered.sort(Comparator.comparingInt(matrix::order));
        return new AttackLabels(ordered, techniques);
    }

    /**
     * Tactics of a technique in the current release: the matrix's when it is a Containers technique;
     * for an Enterprise-only one its 18.1 tactics with defense-evasion read as stealth, or as the
     * replacing technique's tactics when its family was revoked (Impair Defenses became Disable or
     * Modify Tools, a defense-impairment technique). Empty when the ID is unknown.
     */
    List<String> currentTactics(String id) {
        var inMatrix = matrix.technique(matrix.current(id));
        if (inMatrix.isPresent()) return inMatrix.get().tactics();
        List<String> old = enterprise.get(id);
        if (old == null) return List.of();
        String family = id.contains(".") ? id.substring(0, id.indexOf('.')) : id;
        String replacement = matrix.current(family);
        List<String> successor = replacement.equals(family) ? List.of(STEALTH)
                : matrix.technique(replacement).map(Technique::tactics).orElse(List.of(STEALTH));
        Set<String> out = new LinkedHashSet<>();
        for (String t : old) {
            if (t.equals(DEFENSE_EVASION)) out.addAll(successor);
            else out.add(t);
        }
        return List.copyOf(out);
    }

    /** Problems with a rule's ATT&CK tags: unknown tactics and techniques, and 18.1-only names. */
    public List<TagProblem> problems(List<String> tags) {
        List<TagProblem> problems = new ArrayList<>();
        for (String tag : tags) {
            AttackTags.Tag t = AttackTags.read(tag);
            if (t == null) continue;
            if (t.technique()) {
                String current = matrix.current(t.value());
                if (!current.equals(t.value())) {
                    problems.add(new TagProblem(tag, TagProblem.Kind.OUTDATED, "ATT&CK technique " + t.value()
                            + " was revoked in ATT&CK " + matrix.version() + "; read as " + current));
                } else if (techniqueName(t.value()) == null) {
                    problems.add(new TagProblem(tag, TagProblem.Kind.UNKNOWN, "unknown ATT&CK technique " + t.value()));
                }
            } else if (t.value().equals(DEFENSE_EVASION)) {
                problems.add(new TagProblem(tag, TagProblem.Kind.OUTDATED, "ATT&CK " + matrix.version()
                        + " split defense-evasion into stealth and defense-impairment"));
            } else if (!tactics.contains(t.value())) {
                problems.add(new TagProblem(tag, TagProblem.Kind.UNKNOWN, "unknown ATT&CK tactic '" + t.value() + "'"));
            }
        }
        return problems;
    }
}
