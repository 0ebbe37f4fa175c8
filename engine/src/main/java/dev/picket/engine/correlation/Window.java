package dev.picket.engine.correlation;

import java.util.ArrayList;
import java.util.List;

/**
 * The open window of one group: its entries sorted by event time, the newest event time, and
 * whether the condition held at the last evaluation. Which parts of an entry are kept (and
 * encoded) depends on the correlation type, so each group costs only what its type needs.
 */
final class Window {

    /**
     * One or more events: when; the referenced rule (temporal types); the field value (value_count,
     * value_percentile); the field sum and event count (event_count, value_sum, value_avg — several
     * old events may be merged into one entry).
     */
    record Entry(long time, int rule, String value, double sum, long count) {
    }

    long newest;
    boolean latched;
    final List<Entry> entries;

    Window(long newest, boolean latched, List<Entry> entries) {
        this.newest = newest;
        this.latched = latched;
        this.entries = entries;
    }

    static Window empty(long time) {
        return new Window(time, false, new ArrayList<>());
    }

    /** Inserts in time order, after entries of the same time (events mostly arrive in order, so from the back). */
    void insert(Entry entry) {
        int at = entries.size();
        while (at > 0 && entries.get(at - 1).time() > entry.time()) at--;
        entries.add(at, entry);
    }

    /** Drops what happened before {@code from}. */
    void dropBefore(long from) {
        int n = 0;
        while (n < entries.size() && entries.get(n).time() < from) n++;
        entries.subList(0, n).clear();
    }

    byte[] encode(CorrelationType type) {
        ByteWriter out = new ByteWriter().signedVarLong(newest).varLong(latched ? 1 : 0).varLong(entries.size());
        for (Entry e : entries) {
            out.varLong(newest - e.time());
            switch (type) {
                case EVENT_COUNT -> out.varLong(e.count());
                case VALUE_SUM, VALUE_AVG -> out.number(e.sum()).varLong(e.count());
                case VALUE_COUNT, VALUE_PERCENTILE -> out.string(e.value());
                case TEMPORAL, TEMPORAL_ORDERED -> out.varLong(e.rule());
                case NEW_TERMS -> throw new IllegalArgumentException("new_terms keeps no window");
            }
        }
        return out.toBytes();
    }

    static Window decode(byte[] bytes, CorrelationType type) {
        ByteReader in = new ByteReader(bytes);
        long newest = in.signedVarLong();
        boolean latched = in.varLong() == 1;
        int size = in.varInt();
        List<Entry> entries = new ArrayList<>(size + 1);
        for (int i = 0; i < size; i++) {
            long time = newest - in.varLong();
            entries.add(switch (type) {
                case EVENT_COUNT -> new Entry(time, 0, null, 0, in.varLong());
                case VALUE_SUM, VALUE_AVG -> new Entry(time, 0, null, in.number(), in.varLong());
                case VALUE_COUNT, VALUE_PERCENTILE -> new Entry(time, 0, in.string(), 0, 1);
                case TEMPORAL, TEMPORAL_ORDERED -> new Entry(time, in.varInt(), null, 0, 1);
                case NEW_TERMS -> throw new IllegalArgumentException("new_terms keeps no window");
            });
        }
        return new Window(newest, latched, entries);
    }
}
