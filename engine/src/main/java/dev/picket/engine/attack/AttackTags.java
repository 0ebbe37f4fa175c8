package dev.picket.engine.attack;

import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ATT&CK part of a Sigma rule's {@code tags}: {@code attack.t1610} and {@code attack.t1059.013} are
 * techniques (returned as {@code T1610}, {@code T1059.013}); group ({@code attack.g0139}) and software
 * ({@code attack.s0601}) references are skipped; every other {@code attack.*} tag is a tactic, with
 * underscores read as dashes ({@code attack.defense_evasion} is {@code defense-evasion}). Tags of other
 * namespaces ({@code cve.*}, {@code detection.*}) are not ATT&CK and are ignored. Nothing is validated
 * here; {@link AttackCatalogue#problems} does that.
 *
 * @param tactics    tactic short names, in tag order, without duplicates
 * @param techniques technique IDs, in tag order, without duplicates
 */
public record AttackTags(List<String> tactics, List<String> techniques) {
    private static final String PREFIX = "attack.";
    private static final Pattern TECHNIQUE = Pattern.compile("^t\\d{4}(\\.\\d{3})?$");
    private static final Pattern GROUP_OR_SOFTWARE = Pattern.compile("^[gs]\\d{4}$");

    /** One tag read as a tactic short name or a technique ID. */
    record Tag(boolean technique, String value) {
    }

    public static AttackTags of(List<String> tags) {
        List<String> tactics = new ArrayList<>();
        List<String> techniques = new ArrayList<>();
        for (String tag : tags) {
            Tag t = read(tag);
            if (t == null) continue;
            List<String> into = t.technique() ? techniques : tactics;
            if (!into.contains(t.value())) into.add(t.value());
        }
        return new AttackTags(List.copyOf(tactics), List.copyOf(techniques));
    }

    /** The tag as a tactic or technique, or null when it is not one (other namespace, group, software). */
    static Tag read(String tag) {
        String t = tag.trim().toLowerCase(Locale.ROOT);
        if (!t.startsWith(PREFIX)) return null;
        String value = t.substring(PREFIX.length());
        if (GROUP_OR_SOFTWARE.matches(value)) return null;
        if (TECHNIQUE.matches(value)) return new Tag(true, value.toUpperCase(Locale.ROOT));
        return new Tag(false, value.replace('_', '-'));
    }
}
