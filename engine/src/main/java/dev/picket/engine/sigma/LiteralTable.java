package dev.picket.engine.sigma;

import dev.picket.engine.sigma.value.Fold;

import java.util.Map;

/**
 * A read-only map from folded literal to rule positions, looked up by a region of an event's
 * string ignoring case, without building a string per lookup (open addressing, linear probing).
 */
final class LiteralTable {
    private final String[] keys;
    private final int[][] values;
    private final int mask;

    LiteralTable(Map<String, int[]> entries) {
        int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 - 1)) << 1;
        keys = new String[capacity];
        values = new int[capacity][];
        mask = capacity - 1;
        for (Map.Entry<String, int[]> e : entries.entrySet()) {
            int slot = Fold.hash(e.getKey(), 0, e.getKey().length()) & mask;
            while (keys[slot] != null) slot = (slot + 1) & mask;
            keys[slot] = e.getKey();
            values[slot] = e.getValue();
        }
    }

    /** The rule positions for s[from, s.length()), or null. */
    int[] get(String s, int from) {
        int length = s.length() - from;
        for (int slot = Fold.hash(s, from, s.length()) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            String key = keys[slot];
            if (key.length() == length && Fold.regionEquals(s, from, key, false)) return values[slot];
        }
        return null;
    }
}
