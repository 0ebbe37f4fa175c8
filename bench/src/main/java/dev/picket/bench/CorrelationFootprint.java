package dev.picket.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.picket.engine.Engine;
import dev.picket.engine.correlation.CorrelationStats;
import dev.picket.engine.correlation.InMemoryStateStore;
import dev.picket.engine.correlation.SigmaCorrelator;
import dev.picket.engine.event.Event;
import dev.picket.engine.event.LogSource;
import dev.picket.engine.event.Origin;
import dev.picket.engine.rule.RuleLoadException;
import dev.picket.engine.sigma.RuleSet;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;

/**
 * Retained heap per open {@code value_count} group: a password-spraying rule (distinct users per
 * source address) is fed {@code groups} source addresses with five distinct users each, none
 * reaching the threshold, so every group stays open. The heap in use after a full collection,
 * minus the heap in use before the engine existed, divided by the number of groups, is what one
 * open group costs: its window, its key, the bookkeeping around both, and a share of the fixed
 * cost of the engine (negligible at 100 000 groups). The events themselves are garbage by then.
 */
public final class CorrelationFootprint {
    static final int VALUES_PER_GROUP = 5;
    private static final String RULES = """
            title: Failed SSH password
            name: bench-ssh-failed-password
            logsource:
              product: linux
              service: sshd
            detection:
              selection:
                EventType: failed_password
              condition: selection
            level: low
            ---
            title: Password spraying
            name: bench-ssh-password-spraying
            correlation:
              type: value_count
              rules:
                - bench-ssh-failed-password
              group-by:
                - SourceIp
              timespan: 1h
              condition:
                field: User
                gte: 50
            level: high
            """;

    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
    private static final Origin ORIGIN = new Origin("bench", 0, null);

    private CorrelationFootprint() {
    }

    /** A failed-password detection rule and the password-spraying value_count correlation over it. */
    public static RuleSet rules() {
        try {
            return RuleSet.builder().add("bench-correlation.yml", RULES).build();
        } catch (RuleLoadException e) {
            throw new IllegalStateException("benchmark rules do not load: " + e.errors(), e);
        }
    }

    /** The {@code v}-th failed password from the {@code g}-th source address, of {@code groups} sources, at most one per millisecond. */
    public static Event failedPassword(int g, int v, int groups) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("EventType", "failed_password");
        root.put("SourceIp", "10." + (g >>> 16) + "." + ((g >>> 8) & 0xff) + "." + (g & 0xff));
        root.put("User", "user" + v);
        root.put("node", "node-1");
        return new Event(LogSource.SSHD, START.plusMillis((long) v * groups + g), ORIGIN, root);
    }

    /** Bytes of retained heap per open group, over {@code groups} groups. */
    public static double bytesPerGroup(int groups) {
        RuleSet rules = rules();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        SigmaCorrelator correlator = new SigmaCorrelator(rules.correlations(), new InMemoryStateStore(), groups);
        Engine engine = new Engine(rules, correlator);
        for (int v = 0; v < VALUES_PER_GROUP; v++) {
            for (int g = 0; g < groups; g++) {
                engine.process(failedPassword(g, v, groups), m -> {
                    throw new IllegalStateException("no group may reach the threshold: " + m.rule());
                });
            }
        }
        long after = usedAfterGc(memory);
        CorrelationStats stats = correlator.stats();
        if (stats.openGroups() != groups || stats.evictions() != 0) {
            throw new IllegalStateException("expected " + groups + " open groups, found " + stats);
        }
        java.lang.ref.Reference.reachabilityFence(engine);
        return (after - before) / (double) groups;
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
