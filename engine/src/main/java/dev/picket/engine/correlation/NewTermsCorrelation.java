package dev.picket.engine.correlation;

import dev.picket.engine.Match;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.FieldPath;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A learned baseline ({@code new_terms}, a Picket extension): per group, the set of value tuples
 * seen so far. A group learns silently for the learning period from its first event (event time);
 * after that, a tuple it has never seen raises one alert and is learned, so it does not alert again.
 *
 * <p>Tuples are kept as 64-bit digests (truncated SHA-256: stable across restarts, and not
 * forgeable into a collision with a learned tuple), at most {@link #MAX_TERMS} per group, the
 * oldest learned forgotten first.
 */
final class NewTermsCorrelation extends StatefulCorrelation {
    static final int MAX_TERMS = 4096;

    private final long learning;
    private final String[][] termFields;
    private final FieldPath[][] termPaths;

    NewTermsCorrelation(Correlation rule, StateStore store, int maxGroups) {
        super(rule, store, maxGroups);
        this.learning = rule.learning().toMillis();
        this.termFields = fieldsPerRule(rule, rule.fields());
        this.termPaths = paths(termFields);
    }

    /** The baseline of one group: when it was first and last active, and the digests learned, oldest first. */
    private record Baseline(long lastSeen, long firstSeen, long[] terms) {
        byte[] encode() {
            ByteWriter out = new ByteWriter().signedVarLong(lastSeen).signedVarLong(firstSeen).varLong(terms.length);
            for (long term : terms) out.fixedLong(term);
            return out.toBytes();
        }

        static Baseline decode(byte[] bytes) {
            ByteReader in = new ByteReader(bytes);
            long lastSeen = in.signedVarLong();
            long firstSeen = in.signedVarLong();
            long[] terms = new long[in.varInt()];
            for (int i = 0; i < terms.length; i++) terms[i] = in.fixedLong();
            return new Baseline(lastSeen, firstSeen, terms);
        }

        boolean knows(long term) {
            for (long t : terms) if (t == term) return true;
            return false;
        }

        Baseline learn(long term, long time) {
            long[] next;
            if (terms.length < MAX_TERMS) {
                next = Arrays.copyOf(terms, terms.length + 1);
            } else {
                next = new long[terms.length];
                System.arraycopy(terms, 1, next, 0, terms.length - 1);
            }
            next[next.length - 1] = term;
            return new Baseline(Math.max(lastSeen, time), Math.min(firstSeen, time), next);
        }
    }

    @Override
    void accept(int ruleIndex, Match input, Consumer<Match> out) {
        long time = input.time().toEpochMilli();
        Group group = group(ruleIndex, input);
        Map<String, String> tuple = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        List<String> names = rule.fields();
        for (int n = 0; n < names.size(); n++) {
            String value = text(input, termFields[ruleIndex][n], termPaths[ruleIndex][n]);
            appendPart(text, value);
            if (value != null) tuple.put(names.get(n), value);
        }
        long term = digest(text.toString());

        byte[] stored = store.get(group.key());
        Baseline baseline = stored == null ? new Baseline(time, time, new long[0]) : Baseline.decode(stored);
        if (baseline.knows(term)) {
            save(group.key(), new Baseline(Math.max(baseline.lastSeen(), time), Math.min(baseline.firstSeen(), time),
                    baseline.terms()).encode());
            return;
        }
        boolean learned = time >= baseline.firstSeen() + learning;
        save(group.key(), baseline.learn(term, time).encode());
        if (learned) {
            Map<String, String> values = new LinkedHashMap<>(group.values());
            values.putAll(tuple);
            List<Event> events = input.events();
            out.accept(new Match(rule.info(), input.time(),
                    List.copyOf(events.subList(Math.max(0, events.size() - WindowedCorrelation.EVIDENCE), events.size())),
                    values));
        }
    }

    private static long digest(String tuple) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(tuple.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) value = (value << 8) | (hash[i] & 0xFF);
            return value;
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
