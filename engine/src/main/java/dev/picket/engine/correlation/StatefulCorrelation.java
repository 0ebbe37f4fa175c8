package dev.picket.engine.correlation;

import dev.picket.engine.Match;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.FieldPath;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What every correlation rule's runtime shares: group keys from the referenced rules' matches, its
 * groups in the state store under the rule's prefix, and the bound on open groups. Groups are
 * kept in the order they were last touched, so the least recently active one is evicted first and
 * expired ones are found from the front.
 */
abstract class StatefulCorrelation {
    /** Marks a group-by field the event does not have: such events form their own group. */
    private static final String MISSING = "-";

    final Correlation rule;
    final StateStore store;
    final String prefix;
    private final int maxGroups;
    /**
     * Store keys of the open groups, least recently touched first, each mapped to itself: the
     * first instance of a key is the one kept, here and (being the one saved) in the store, so an
     * open group holds its key once however many events built it a fresh copy.
     */
    private final LinkedHashMap<String, String> order = new LinkedHashMap<>(16, 0.75f, true);
    private final FieldPath[][] groupPaths;
    private final String[][] groupFields;
    private long evictions;
    private long late;

    StatefulCorrelation(Correlation rule, StateStore store, int maxGroups) {
        this.rule = rule;
        this.store = store;
        this.prefix = rule.stateKey();
        this.maxGroups = maxGroups;
        this.groupFields = fieldsPerRule(rule, rule.groupBy());
        this.groupPaths = paths(groupFields);
    }

    /** Feeds one match of the referenced rule at {@code ruleIndex}; correlation matches go to {@code out}. */
    abstract void accept(int ruleIndex, Match input, Consumer<Match> out);

    /** Drops groups that no future event can complete, given how far event time has come. */
    void prune(long watermark) {
    }

    /** Called when a group leaves the store, for whatever the subclass keeps beside it. */
    void forgotten(String key) {
    }

    /** Per referenced rule, the field each name stands for there (aliases resolved). */
    static String[][] fieldsPerRule(Correlation rule, List<String> names) {
        String[][] fields = new String[rule.rules().size()][names.size()];
        for (int r = 0; r < fields.length; r++) {
            for (int n = 0; n < names.size(); n++) fields[r][n] = rule.field(names.get(n), r);
        }
        return fields;
    }

    static FieldPath[][] paths(String[][] fields) {
        FieldPath[][] paths = new FieldPath[fields.length][];
        for (int r = 0; r < fields.length; r++) {
            paths[r] = new FieldPath[fields[r].length];
            for (int n = 0; n < fields[r].length; n++) paths[r][n] = FieldPath.of(fields[r][n]);
        }
        return paths;
    }

    /**
     * A field's value in a match: a correlation's group-by value when the match is itself a
     * correlation that grouped by it, else the first value in its latest event; null when absent.
     */
    static String text(Match input, String field, FieldPath path) {
        String grouped = input.groupBy().get(field);
        if (grouped != null) return grouped;
        List<Event> events = input.events();
        return events.isEmpty() ? null : events.getLast().text(path);
    }

    record Group(String key, Map<String, String> values) {
    }

    /** The group a match falls into: its store key and the group-by values (absent fields left out). */
    Group group(int ruleIndex, Match input) {
        StringBuilder key = new StringBuilder(prefix);
        Map<String, String> values = new LinkedHashMap<>();
        List<String> names = rule.groupBy();
        for (int n = 0; n < names.size(); n++) {
            String value = text(input, groupFields[ruleIndex][n], groupPaths[ruleIndex][n]);
            appendPart(key, value);
            if (value != null) values.put(names.get(n), value);
        }
        return new Group(key.toString(), values);
    }

    /** Appends a value so that no two different value lists give the same key: length-prefixed. */
    static void appendPart(StringBuilder key, String value) {
        if (value == null) key.append(MISSING);
        else key.append(value.length()).append(':').append(value);
        key.append('|');
    }

    /** Stores a group's new state and marks it the most recently active, evicting the oldest beyond the bound. */
    void save(String key, byte[] value) {
        String kept = order.putIfAbsent(key, key); // access order: touching moves it last
        store.put(kept == null ? key : kept, value);
        while (order.size() > maxGroups) {
            Iterator<String> eldest = order.keySet().iterator();
            String victim = eldest.next();
            eldest.remove();
            store.delete(victim);
            forgotten(victim);
            evictions++;
        }
    }

    void delete(String key) {
        order.remove(key);
        store.delete(key);
        forgotten(key);
    }

    /** Deletes groups from the least recently touched on while they last saw an event before {@code cutoff}. */
    void deleteIdleBefore(long cutoff) {
        Iterator<String> it = order.keySet().iterator();
        while (it.hasNext()) {
            String key = it.next();
            byte[] value = store.get(key);
            if (value != null && ByteReader.recency(value) >= cutoff) return;
            it.remove();
            store.delete(key);
            forgotten(key);
        }
    }

    /** After a restart: learns the open groups from the store, oldest first. */
    void restore() {
        List<Map.Entry<String, Long>> found = new ArrayList<>();
        store.scan(prefix, (key, value) -> found.add(Map.entry(key, ByteReader.recency(value))));
        found.sort(Map.Entry.comparingByValue());
        for (Map.Entry<String, Long> e : found) order.put(e.getKey(), e.getKey());
        while (order.size() > maxGroups) delete(order.firstEntry().getKey());
    }

    /** Forgets every group: windows start empty, baselines learn again. */
    void reset() {
        List<String> keys = new ArrayList<>();
        store.scan(prefix, (key, value) -> keys.add(key));
        for (String key : keys) delete(key);
        order.clear();
    }

    void countLate() {
        late++;
    }

    long openGroups() {
        return order.size();
    }

    long evictions() {
        return evictions;
    }

    long late() {
        return late;
    }
}
