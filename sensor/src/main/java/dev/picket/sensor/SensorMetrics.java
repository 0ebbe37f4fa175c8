package dev.picket.sensor;

import dev.picket.sensor.out.ServerSink;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The sensor's own counters: records read, events written, and every way an event can be
 * lost (socket overruns, kernel drops, events cut short, spool overflow), plus its own CPU time
 * and memory, so its cost on the node is visible.
 */
public final class SensorMetrics {
    final AtomicLong records = new AtomicLong();
    final AtomicLong events = new AtomicLong();
    final AtomicLong sshdEvents = new AtomicLong();
    final AtomicLong socketOverruns = new AtomicLong();
    final AtomicLong kernelLost = new AtomicLong();
    final AtomicLong incompleteEvents = new AtomicLong();
    private volatile ServerSink server;

    /** Adds the server sink's delivery counters to these. */
    public void attach(ServerSink sink) {
        this.server = sink;
    }

    /** One line for the log: counters, then the process's CPU seconds and resident memory. */
    public String line() {
        ProcessCost cost = ProcessCost.now();
        ServerSink s = server;
        String delivery = s == null ? "" : " sent=" + s.sent() + " spool_dropped=" + s.dropped() + " rejected_batches=" + s.rejected();
        return "sensor: records=" + records + " events=" + events + " sshd_events=" + sshdEvents + delivery
                + " socket_overruns=" + socketOverruns + " kernel_lost=" + kernelLost + " incomplete=" + incompleteEvents
                + " cpu_seconds=" + String.format(java.util.Locale.ROOT, "%.2f", cost.cpuSeconds()) + " rss_mib=" + cost.residentMiB();
    }
}
