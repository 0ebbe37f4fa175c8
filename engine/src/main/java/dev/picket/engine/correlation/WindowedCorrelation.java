package dev.picket.engine.correlation;

import dev.picket.engine.Match;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.FieldPath;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The runtime of a Sigma correlation (every type but {@code new_terms}): per group, a sliding
 * window over event time that ends at the newest event the group has seen and reaches back one
 * timespan.
 *
 * <p>The condition is evaluated whenever an event enters the window. A group alerts when its
 * condition comes to hold and stays quiet while it keeps holding, so one sustained burst gives one
 * alert; once the condition no longer holds (the window slid past old events) it can alert again.
 * {@code value_percentile} judges each event on its own and alerts for every event that meets it.
 *
 * <p>Events may arrive out of order: one is still counted, where it belongs in time, when it is no
 * older than the group's newest event minus the timespan; older ones are counted as late and
 * ignored. Lateness is judged per group, never against the newest time seen overall, so one event
 * stamped far in the future cannot make every other group's events late. A group is kept for one
 * more timespan (at least a minute) after its window has passed the newest event time seen overall,
 * so late events still find it; then it is pruned.
 */
final class WindowedCorrelation extends StatefulCorrelation {
    /** Evidence per alert: the latest contributing events. */
    static final int EVIDENCE = 10;
    /** Groups whose recent events are kept for evidence; other groups' alerts carry the event that completed them. */
    private static final int EVIDENCE_GROUPS = 256;
    /**
     * Beyond this many entries a group merges (counts, sums) or drops (values, sequences) entries:
     * a group's state is decoded and encoded on every match, so its size is its cost.
     */
    private static final int MAX_ENTRIES = 256;
    private static final long MIN_RETENTION = Duration.ofMinutes(1).toMillis();

    private final CorrelationType type;
    private final long span;
    /** How long past its window a group is kept for late events. */
    private final long retention;
    private final String[][] valueFields;
    private final FieldPath[][] valuePaths;
    /** Per referenced rule, the index of its first mention: a rule named twice is one rule. */
    private final int[] ruleSlot;
    /** Entries beyond the largest limit in the condition: counting past it never changes the outcome. */
    private final int enoughEntries;
    private long nextPrune = Long.MIN_VALUE;

    private record Evidence(long time, Event event) {
    }

    private final Map<String, Deque<Evidence>> evidence = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Evidence>> eldest) {
            return size() > EVIDENCE_GROUPS;
        }
    };

    WindowedCorrelation(Correlation rule, StateStore store, int maxGroups) {
        super(rule, store, maxGroups);
        this.type = rule.type();
        this.span = rule.timespan().toMillis();
        this.retention = Math.max(span, MIN_RETENTION);
        this.valueFields = fieldsPerRule(rule, rule.fields());
        this.valuePaths = paths(valueFields);
        this.ruleSlot = new int[rule.rules().size()];
        for (int i = 0; i < ruleSlot.length; i++) ruleSlot[i] = rule.rules().indexOf(rule.rules().get(i));
        this.enoughEntries = (int) Math.min(Integer.MAX_VALUE - 1, (long) rule.condition().ceiling() + 1);
    }

    @Override
    void accept(int ruleIndex, Match input, Consumer<Match> out) {
        long time = input.time().toEpochMilli();
        Window.Entry entry = entry(ruleIndex, input, time);
        if (entry == null) return;
        Group group = group(ruleIndex, input);
        byte[] stored = store.get(group.key());
        Window window = stored == null ? Window.empty(time) : Window.decode(stored, type);
        if (time < window.newest - span) {
            countLate();
            return;
        }
        add(window, entry);
        window.newest = Math.max(window.newest, time);
        window.dropBefore(window.newest - span);
        bound(window);

        boolean holds = rule.condition().test(measure(window, entry));
        boolean alert = type == CorrelationType.VALUE_PERCENTILE ? holds : holds && !window.latched;
        window.latched = holds && type != CorrelationType.VALUE_PERCENTILE;
        save(group.key(), window.encode(type));
        remember(group.key(), time, input.events());
        if (alert) {
            out.accept(new Match(rule.info(), Instant.ofEpochMilli(window.newest),
                    evidence(group.key(), window.newest - span), group.values()));
        }
    }

    /** The entry a match adds, or null when it lacks the aggregated field (it then does not count). */
    private Window.Entry entry(int ruleIndex, Match input, long time) {
        return switch (type) {
            case EVENT_COUNT -> new Window.Entry(time, 0, null, 0, 1);
            case TEMPORAL, TEMPORAL_ORDERED -> new Window.Entry(time, ruleSlot[ruleIndex], null, 0, 1);
            case VALUE_SUM, VALUE_AVG -> {
                Double number = number(text(input, valueFields[ruleIndex][0], valuePaths[ruleIndex][0]));
                yield number == null ? null : new Window.Entry(time, 0, null, number, 1);
            }
            case VALUE_COUNT, VALUE_PERCENTILE -> {
                String value = value(ruleIndex, input);
                yield value == null ? null : new Window.Entry(time, 0, value, 0, 1);
            }
            case NEW_TERMS -> throw new IllegalStateException("new_terms is not windowed");
        };
    }

    /** The aggregated field's value; with several fields (value_count), all must be present and form one value. */
    private String value(int ruleIndex, Match input) {
        String[] fields = valueFields[ruleIndex];
        if (fields.length == 1) return text(input, fields[0], valuePaths[ruleIndex][0]);
        StringBuilder tuple = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            String part = text(input, fields[i], valuePaths[ruleIndex][i]);
            if (part == null) return null;
            appendPart(tuple, part);
        }
        return tuple.toString();
    }

    private static Double number(String text) {
        if (text == null) return null;
        try {
            double value = Double.parseDouble(text.trim());
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** Adds the entry; value_count keeps each value once and temporal each rule once, at its latest time. */
    private void add(Window window, Window.Entry entry) {
        if (type == CorrelationType.VALUE_COUNT || type == CorrelationType.TEMPORAL) {
            for (int i = 0; i < window.entries.size(); i++) {
                Window.Entry old = window.entries.get(i);
                boolean same = type == CorrelationType.VALUE_COUNT
                        ? old.value().equals(entry.value()) : old.rule() == entry.rule();
                if (!same) continue;
                if (old.time() >= entry.time()) return;
                window.entries.remove(i);
                break;
            }
        }
        window.insert(entry);
    }

    /** Keeps a group's state bounded whatever the traffic. */
    private void bound(Window window) {
        List<Window.Entry> entries = window.entries;
        switch (type) {
            case EVENT_COUNT -> {
                // Keeping the newest entries, the count in the window is min(true count, kept): exact
                // for every comparison with a limit below what is kept.
                while (entries.size() > enoughEntries) entries.removeFirst();
                while (entries.size() > MAX_ENTRIES) mergeClosestPair(entries);
            }
            case VALUE_SUM, VALUE_AVG -> {
                while (entries.size() > MAX_ENTRIES) mergeClosestPair(entries);
            }
            case VALUE_COUNT -> {
                while (entries.size() > enoughEntries) entries.removeFirst();
            }
            case TEMPORAL, TEMPORAL_ORDERED, VALUE_PERCENTILE -> {
                while (entries.size() > MAX_ENTRIES) entries.removeFirst();
            }
            case NEW_TERMS -> throw new IllegalStateException("new_terms is not windowed");
        }
    }

    /**
     * Merges the two neighbouring entries closest in time into one at the later time: totals stay
     * exact, and the merged events leave the window at most that small gap too late.
     */
    private static void mergeClosestPair(List<Window.Entry> entries) {
        int closest = 0;
        for (int i = 1; i < entries.size() - 1; i++) {
            long gap = entries.get(i + 1).time() - entries.get(i).time();
            if (gap < entries.get(closest + 1).time() - entries.get(closest).time()) closest = i;
        }
        Window.Entry a = entries.remove(closest);
        Window.Entry b = entries.get(closest);
        entries.set(closest, new Window.Entry(b.time(), 0, null, a.sum() + b.sum(), a.count() + b.count()));
    }

    /** The number the condition is tested against. */
    private double measure(Window window, Window.Entry latest) {
        List<Window.Entry> entries = window.entries;
        return switch (type) {
            case EVENT_COUNT -> entries.stream().mapToLong(Window.Entry::count).sum();
            case VALUE_COUNT, TEMPORAL -> entries.size();
            case VALUE_SUM -> entries.stream().mapToDouble(Window.Entry::sum).sum();
            case VALUE_AVG -> entries.stream().mapToDouble(Window.Entry::sum).sum()
                    / entries.stream().mapToLong(Window.Entry::count).sum();
            case VALUE_PERCENTILE -> 100.0 * entries.stream().filter(e -> e.value().equals(latest.value())).count()
                    / entries.size();
            case TEMPORAL_ORDERED -> orderedPrefix(entries);
            case NEW_TERMS -> throw new IllegalStateException("new_terms is not windowed");
        };
    }

    /**
     * How many of the referenced rules, from the first, matched in the listed order within the
     * window. Taking each rule's earliest match after the previous one finds the longest prefix.
     */
    private int orderedPrefix(List<Window.Entry> entries) {
        int reached = 0;
        for (Window.Entry e : entries) {
            if (reached == ruleSlot.length) break;
            if (e.rule() == ruleSlot[reached]) reached++;
        }
        return reached;
    }

    private void remember(String key, long time, List<Event> events) {
        Deque<Evidence> kept = evidence.computeIfAbsent(key, k -> new ArrayDeque<>());
        for (Event event : events) {
            kept.addLast(new Evidence(time, event));
            if (kept.size() > EVIDENCE) kept.removeFirst();
        }
    }

    /** The kept events that entered the group's window at or after {@code from}, oldest first. */
    private List<Event> evidence(String key, long from) {
        List<Event> events = new ArrayList<>();
        Deque<Evidence> kept = evidence.get(key);
        if (kept != null) for (Evidence e : kept) if (e.time() >= from) events.add(e.event());
        return List.copyOf(events);
    }

    @Override
    void forgotten(String key) {
        evidence.remove(key);
    }

    /** Drops groups whose window, and the retention after it, lie wholly before {@code watermark}. */
    @Override
    void prune(long watermark) {
        if (watermark < nextPrune) return;
        nextPrune = watermark + Math.max(1, span / 8);
        deleteIdleBefore(watermark - retention - span);
    }
}
