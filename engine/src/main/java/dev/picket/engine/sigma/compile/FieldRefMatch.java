package dev.picket.engine.sigma.compile;

import dev.picket.engine.event.Event;
import dev.picket.engine.event.FieldPath;
import dev.picket.engine.sigma.value.Fold;
import dev.picket.engine.sigma.value.StringMatcher;
import dev.picket.engine.sigma.value.ValueTest;

/**
 * {@code fieldref}: the field compared with another field of the same event (equal, or with
 * {@code contains}/{@code startswith}/{@code endswith} the other field's value placed so).
 */
public record FieldRefMatch(FieldPath path, FieldPath other, StringMatcher.Kind kind, boolean cased)
        implements Matcher {

    @Override
    public boolean matches(Event event) {
        return event.anyValue(other, ref -> {
            String wanted = ValueTest.text(ref);
            if (wanted == null) return false;
            String folded = cased ? wanted : Fold.lower(wanted);
            return event.anyValue(path, v -> {
                String s = ValueTest.text(v);
                return s != null && placed(s, folded);
            });
        });
    }

    private boolean placed(String s, String wanted) {
        return switch (kind) {
            case EXACT -> s.length() == wanted.length() && Fold.regionEquals(s, 0, wanted, cased);
            case PREFIX -> Fold.regionEquals(s, 0, wanted, cased);
            case SUFFIX -> Fold.regionEquals(s, s.length() - wanted.length(), wanted, cased);
            case CONTAINS, GLOB -> Fold.indexOf(s, wanted, 0, cased) >= 0;
        };
    }
}
