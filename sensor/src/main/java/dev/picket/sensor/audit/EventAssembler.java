package dev.picket.sensor.audit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Joins the records of one audit event (same serial: SYSCALL, EXECVE, CWD, PATH, SOCKADDR,
 * PROCTITLE) and hands the event on at its end-of-event record. Records of different events may
 * interleave (several CPUs); an event whose end never comes is handed on when it is older than the
 * wait, and the number of open events is bounded so a flood cannot grow memory.
 */
public final class EventAssembler {
    private final Consumer<List<AuditRecord>> events;
    private final long waitMillis;
    private final int maxOpen;
    private final Map<Long, Open> open = new LinkedHashMap<>();
    private long evicted;

    public EventAssembler(Consumer<List<AuditRecord>> events, long waitMillis, int maxOpen) {
        this.events = events;
        this.waitMillis = waitMillis;
        this.maxOpen = maxOpen;
    }

    public void add(AuditRecord record, long nowMillis) {
        if (record.type() == AuditRecord.EOE) {
            Open done = open.remove(record.serial());
            if (done != null) events.accept(done.records);
            return;
        }
        Open event = open.get(record.serial());
        if (event == null) {
            if (open.size() >= maxOpen) {
                Iterator<Open> oldest = open.values().iterator();
                events.accept(oldest.next().records);
                oldest.remove();
                evicted++;
            }
            event = new Open(nowMillis);
            open.put(record.serial(), event);
        }
        event.records.add(record);
    }

    /** Hands on events that waited longer than allowed for their end (records without an EOE, such as config changes). */
    public void expire(long nowMillis) {
        Iterator<Open> it = open.values().iterator();
        while (it.hasNext()) {
            Open event = it.next();
            if (nowMillis - event.started < waitMillis) break; // insertion order: the rest are younger
            events.accept(event.records);
            it.remove();
        }
    }

    /** Events handed on early because too many were open at once. */
    public long evicted() {
        return evicted;
    }

    private static final class Open {
        final long started;
        final List<AuditRecord> records = new ArrayList<>(6);

        Open(long started) {
            this.started = started;
        }
    }
}
